using NightLeg.Domain.Detection;
using NightLeg.Domain.Storage;

namespace NightLeg.Domain.Cramps;

/// <summary>
/// Puts the one "asleep again" rule (<see cref="SleepReturnTracker"/>), the course of an awakening
/// (<see cref="AwakeningCourseTracker"/>) and the review rule (<see cref="AwakeningReview"/>) to stored
/// events, for the morning review and history alike: what the detector saw live when the event has
/// it, else the rule run over the stored seconds from the moment of detection. Thread-safe when its
/// repository is.
/// </summary>
public sealed class AwakeningReviewer
{
    /// <summary>Seconds read after a detection to find the return to sleep: two hours (a longer awakening is not "asleep again" that night).</summary>
    public static readonly TimeSpan LookAhead = TimeSpan.FromHours(2);

    private readonly IEpochRepository _epochs;

    /// <summary>Creates the reviewer over the stored seconds.</summary>
    public AwakeningReviewer(IEpochRepository epochs)
    {
        _epochs = epochs;
    }

    /// <summary>UTC instant the sleeper was asleep again after a detected event; null when it is not known (or the event was logged by hand).</summary>
    public DateTimeOffset? AsleepAgainAt(CrampEvent cramp)
    {
        if (cramp.AsleepAgainAt is { } stored)
        {
            return stored;
        }

        if (cramp.Detection is not { } d)
        {
            return null;
        }

        return SleepReturnTracker.Find(_epochs.Read(d.DetectedAt, d.DetectedAt + LookAhead), d.DetectedAt, d.BaselineHeartRateBpm);
    }

    /// <summary>
    /// What followed a detected event (<see cref="AwakeningCourseTracker"/>): as the detector saw it live
    /// when the event has it, else the rule run over the stored seconds from the decision on (an event
    /// from before the course existed). Null for a hand-logged event.
    /// </summary>
    public AwakeningCourse? CourseOf(CrampEvent cramp)
    {
        if (cramp.Course is { } stored)
        {
            return stored;
        }

        return cramp.Detection is { } d
            ? AwakeningCourseTracker.Find(_epochs.Read(d.DetectedAt, d.Onset + AwakeningCourseTracker.Span), d)
            : null;
    }

    /// <summary>How the morning review treats the event: hand-logged and answered events are always asked about.</summary>
    public ReviewKind ReviewOf(CrampEvent cramp) => ReviewOf(cramp, AsleepAgainAt(cramp));

    /// <summary>As <see cref="ReviewOf(CrampEvent)"/>, when the return to sleep is already known.</summary>
    public ReviewKind ReviewOf(CrampEvent cramp, DateTimeOffset? asleepAgainAt) =>
        cramp.Source == CrampEventSource.Detected
            ? AwakeningReview.Classify(cramp.At, asleepAgainAt, CourseOf(cramp), cramp.WasAnswered)
            : ReviewKind.Ask;
}
