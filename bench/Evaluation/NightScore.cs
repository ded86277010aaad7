using NightLeg.Sync.Simulation;

namespace NightLeg.Evaluation;

/// <summary>One night's detections scored against its truth (<see cref="DetectionScorer"/>). Immutable.</summary>
/// <param name="Cramps">Cramp awakenings in the truth.</param>
/// <param name="CrampsFound">Cramp awakenings with a detection in their window.</param>
/// <param name="CrampsAsked">Found cramp awakenings whose first detection the morning review asks about.</param>
/// <param name="LatenciesSeconds">Detection − onset of each found cramp, in seconds.</param>
/// <param name="FalsePromptStages">The lab stage at each false prompt (null where unscored).</param>
/// <param name="PromptsBeforeSleep">Detections before sleep onset (counted apart).</param>
/// <param name="Bouts1Min">Ordinary wake bouts (not cramps) of ≥ 1 minute after sleep onset.</param>
/// <param name="Bouts1MinFound">Of those, with a detection in their window.</param>
/// <param name="Bouts2Min">Ordinary wake bouts of ≥ 2 minutes after sleep onset.</param>
/// <param name="Bouts2MinFound">Of those, with a detection in their window.</param>
/// <param name="EventsToAsk">Detections outside every cramp's window (before sleep onset too: the user sees them all) that the morning review asks about.</param>
/// <param name="BriefAwakenings">Detections after sleep onset, outside every cramp's window, shown as brief awakenings.</param>
/// <param name="HoursAsleep">Time scored asleep after sleep onset, in hours.</param>
public sealed record NightScore(
    int Cramps,
    int CrampsFound,
    int CrampsAsked,
    IReadOnlyList<double> LatenciesSeconds,
    IReadOnlyList<SleepStage?> FalsePromptStages,
    int PromptsBeforeSleep,
    int Bouts1Min,
    int Bouts1MinFound,
    int Bouts2Min,
    int Bouts2MinFound,
    int EventsToAsk,
    int BriefAwakenings,
    double HoursAsleep)
{
    /// <summary>Detections while the truth says asleep.</summary>
    public int FalsePrompts => FalsePromptStages.Count;
}
