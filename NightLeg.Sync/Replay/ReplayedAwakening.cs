using NightLeg.Domain.Detection;
using NightLeg.Domain.Nights;

namespace NightLeg.Sync.Replay;

/// <summary>A detected awakening of a replayed night, with what followed it. Immutable.</summary>
/// <param name="Night">The night it belongs to.</param>
/// <param name="Awakening">What the detector decided.</param>
/// <param name="AsleepAgainAt">UTC instant sleep came back (the one Domain rule); null when it did not before the recording ended.</param>
/// <param name="Course">What followed it (<see cref="AwakeningCourseTracker"/>); null until known.</param>
public sealed record ReplayedAwakening(NightId Night, AwakeningDetected Awakening, DateTimeOffset? AsleepAgainAt, AwakeningCourse? Course = null)
{
    /// <summary>How the morning review would treat it, as at the end of the replayed night (nobody answers in a replay).</summary>
    public ReviewKind Review => AwakeningReview.Classify(Awakening.Onset, AsleepAgainAt, Course, answered: false);

    /// <summary>What the prompt would have done with sound switched on: sounded once distress was plain, else stayed silent.</summary>
    public PromptAlert AlertWithSoundOn => AlertPolicy.For(Course, soundEnabled: true);
}
