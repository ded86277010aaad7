using System.Text.Json;
using NightLeg.Sync.Simulation;

namespace NightLeg.Evaluation;

/// <summary>
/// A night whose truth is known, real or synthetic, in one shape for scoring: the lab's (or the
/// simulator's) 30-second stages, sleep onset, every wake bout and the cramp awakenings. Immutable.
/// </summary>
/// <param name="Id">The subject or hypnogram id.</param>
/// <param name="Device">What recorded it (<c>apple-watch-hr</c> for the real nights; a simulated device name).</param>
/// <param name="Start">UTC start of the recording.</param>
/// <param name="End">UTC end of the scored night.</param>
/// <param name="SleepOnset">UTC start of the first ten minutes of unbroken sleep.</param>
/// <param name="WakeBouts">Every run of wake, in time order.</param>
/// <param name="Cramps">Cramp awakenings (none in the real nights: the sleepers were not cramp patients).</param>
/// <param name="EpochStart">UTC start of the first 30-s stage.</param>
/// <param name="Stages">One stage per 30 s from <paramref name="EpochStart"/>; null where unscored.</param>
public sealed record LabelledNight(
    string Id,
    string Device,
    DateTimeOffset Start,
    DateTimeOffset End,
    DateTimeOffset SleepOnset,
    IReadOnlyList<WakeBout> WakeBouts,
    IReadOnlyList<CrampAwakening> Cramps,
    DateTimeOffset EpochStart,
    IReadOnlyList<SleepStage?> Stages)
{
    /// <summary>Seconds per scored epoch.</summary>
    public const int EpochSeconds = Hypnogram.EpochSeconds;

    /// <summary>The scored stage at <paramref name="instant"/>; null outside the scoring or where unscored.</summary>
    public SleepStage? StageAt(DateTimeOffset instant)
    {
        var index = (long)Math.Floor((instant - EpochStart).TotalSeconds / EpochSeconds);
        return index >= 0 && index < Stages.Count ? Stages[(int)index] : null;
    }

    /// <summary>Time scored as sleep (N1, N2, N3, REM) from sleep onset to the end.</summary>
    public TimeSpan TimeAsleep
    {
        get
        {
            var asleep = 0;
            for (var i = 0; i < Stages.Count; i++)
            {
                var at = EpochStart.AddSeconds(i * EpochSeconds);
                if (at >= SleepOnset && at < End && Stages[i] is { } stage && stage != SleepStage.Wake)
                {
                    asleep++;
                }
            }

            return TimeSpan.FromSeconds(asleep * EpochSeconds);
        }
    }

    /// <summary>The truth of a synthetic night.</summary>
    public static LabelledNight From(GroundTruth truth) => new(
        truth.HypnogramId,
        truth.Device,
        truth.Start,
        truth.End,
        truth.SleepOnset,
        truth.WakeBouts,
        truth.CrampAwakenings,
        truth.Start,
        truth.Stages.Select(s => (SleepStage?)s).ToList());

    /// <summary>
    /// Reads a real night's truth (<c>&lt;id&gt;.truth.json</c> of ../shared/data/real-nights): stages
    /// <c>W 1 2 3</c>, REM as <c>5</c> (the README's code) or <c>4</c> (what the files hold: every
    /// <c>5</c> of the subject's hypnogram is a <c>4</c> there), <c>?</c> unscored.
    /// </summary>
    public static LabelledNight ReadLabTruth(Stream stream)
    {
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        var stages = root.GetProperty("stages").GetString() ?? "";
        return new LabelledNight(
            root.GetProperty("subject").GetString() ?? "?",
            root.GetProperty("device").GetString() ?? "?",
            root.GetProperty("start").GetDateTimeOffset(),
            root.GetProperty("end").GetDateTimeOffset(),
            root.GetProperty("sleepOnset").GetDateTimeOffset(),
            root.GetProperty("wakeBouts").EnumerateArray()
                .Select(b => new WakeBout(b.GetProperty("onset").GetDateTimeOffset(), b.GetProperty("end").GetDateTimeOffset(),
                    b.TryGetProperty("kind", out var kind) ? kind.GetString() ?? "wake" : "wake"))
                .ToList(),
            [],
            root.GetProperty("epochStart").GetDateTimeOffset(),
            stages.Select(StageOf).ToList());
    }

    private static SleepStage? StageOf(char code) => code switch
    {
        'W' or '0' => SleepStage.Wake,
        '1' => SleepStage.N1,
        '2' => SleepStage.N2,
        '3' => SleepStage.N3,
        '4' or '5' or 'R' => SleepStage.Rem,
        _ => null,
    };
}
