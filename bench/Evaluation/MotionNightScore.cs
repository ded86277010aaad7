using NightLeg.Domain.Detection;
using NightLeg.Sync.Replay;
using NightLeg.Sync.Simulation;

namespace NightLeg.Evaluation;

/// <summary>
/// One replayed motion night scored. Without per-epoch labels a prompt cannot be called false one by
/// one; what is near certain is that these healthy sleepers had no cramp, so every event between sleep
/// onset and getting up that the morning review asks about is a question they did not need, and every
/// one that would sound is a sound in their bedroom. Cramps, when laid on, are found when a detection
/// falls between onset − 30 s and the end of the cramp + 60 s (<see cref="DetectionScorer"/>'s window).
/// Immutable.
/// </summary>
/// <param name="Id">The subject.</param>
/// <param name="HoursInPeriod">Hours from sleep onset to getting up.</param>
/// <param name="Awakenings">The actigraphy's awakenings in the night.</param>
/// <param name="Prompts">Detections between sleep onset and getting up, outside every laid-on cramp.</param>
/// <param name="Asked">Of those, the ones the morning review asks about.</param>
/// <param name="WouldSound">Of those, the ones that would sound with sound switched on.</param>
/// <param name="Cramps">Cramps laid on.</param>
/// <param name="CrampsAsked">Cramps found by a detection the morning review asks about.</param>
/// <param name="CrampsFound">Cramps found at all.</param>
/// <param name="CrampsSounded">Found cramps whose prompt would have sounded with sound switched on.</param>
/// <param name="LatenciesSeconds">Detection − onset of each found cramp, seconds.</param>
public sealed record MotionNightScore(
    string Id,
    double HoursInPeriod,
    int Awakenings,
    int Prompts,
    int Asked,
    int WouldSound,
    int Cramps,
    int CrampsAsked,
    int CrampsFound,
    int CrampsSounded,
    IReadOnlyList<double> LatenciesSeconds)
{
    /// <summary>Scores a replay of <paramref name="night"/> with <paramref name="cramps"/> laid on.</summary>
    public static MotionNightScore Of(MotionNight night, IReadOnlyList<CrampAwakening> cramps, IReadOnlyList<ReplayedAwakening> awakenings)
    {
        bool Within(DateTimeOffset t, CrampAwakening c) => t >= c.Onset - DetectionScorer.Before && t <= c.CrampEnd + DetectionScorer.After;
        var others = awakenings
            .Where(a => a.Awakening.DetectedAt >= night.SleepOnset && a.Awakening.DetectedAt <= night.OutOfBed)
            .Where(a => !cramps.Any(c => Within(a.Awakening.DetectedAt, c)))
            .ToList();
        var latencies = new List<double>();
        var found = 0;
        var asked = 0;
        var sounded = 0;
        foreach (var cramp in cramps)
        {
            var first = awakenings.FirstOrDefault(a => Within(a.Awakening.DetectedAt, cramp));
            if (first is not null)
            {
                found++;
                asked += first.Review == ReviewKind.Ask ? 1 : 0;
                sounded += first.AlertWithSoundOn == PromptAlert.Sound ? 1 : 0;
                latencies.Add((first.Awakening.DetectedAt - cramp.Onset).TotalSeconds);
            }
        }

        return new MotionNightScore(night.Id, night.SleepPeriod.TotalHours, night.Awakenings, others.Count,
            others.Count(a => a.Review == ReviewKind.Ask), others.Count(a => a.AlertWithSoundOn == PromptAlert.Sound),
            cramps.Count, asked, found, sounded, latencies);
    }
}
