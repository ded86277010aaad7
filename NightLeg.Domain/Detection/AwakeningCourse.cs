namespace NightLeg.Domain.Detection;

/// <summary>
/// What followed a detected awakening, known within minutes of it: how much the body kept working and
/// whether the heart stayed up — what tells a cramp (the leg and body worked for tens of seconds to
/// minutes, the heart rate up while it lasts; ../shared/CRAMPS.md) from an arousal with a turn-over
/// (a few seconds and over) — and, when it came, the moment the awakening was plainly one in
/// distress (<see cref="AwakeningCourseTracker"/>). The morning review (<see cref="AwakeningReview"/>)
/// and the alert (<see cref="AlertPolicy"/>) read it. Immutable.
/// </summary>
/// <param name="ActiveSeconds">Seconds with movement from the onset to <see cref="AwakeningCourseTracker.Span"/> after it (those the detector counted up to its decision included); null when the wearable measures no motion.</param>
/// <param name="HeartRateAfterBpm">Median heart rate in the <see cref="AwakeningCourseTracker.HeartRateWindowSeconds"/> s after the decision, above the sleeping baseline (bpm); null without heart rate or baseline.</param>
/// <param name="DistressAt">UTC instant the awakening was confirmed as one in distress (still working the leg a minute on, the heart well up); null when it never was.</param>
/// <param name="LikeDismissed">How many awakenings the sleeper had dismissed as "not a cramp" this one looked like (<see cref="SleeperLearning.LikeDismissed"/>), by that night.</param>
public sealed record AwakeningCourse(int? ActiveSeconds, double? HeartRateAfterBpm, DateTimeOffset? DistressAt, int LikeDismissed = 0)
{
    /// <summary>True when it looked like enough of the sleeper's dismissed awakenings (and no confirmed cramp) not to be asked about.</summary>
    public bool Familiar => LikeDismissed >= SleeperLearning.FamiliarAfter;

    /// <summary>True when the wearable measured motion through the awakening.</summary>
    public bool HasMotion => ActiveSeconds is not null;
}
