using NightLeg.Domain.Detection;
using NightLeg.Domain.Nights;

namespace NightLeg.Domain.Cramps;

/// <summary>
/// One awakening or cramp of a night through its lifecycle: detected → answered that night
/// (cramp / not a cramp / later) → reviewed in the morning (confirmed with details, or dismissed
/// with a reason); or logged by hand when the detector missed it. Immutable: every step returns a
/// new instance, so a refused change leaves the stored one untouched.
/// </summary>
/// <param name="Id">Stable id.</param>
/// <param name="Night">The night it belongs to.</param>
/// <param name="At">UTC instant of the awakening's onset (detected) or of the cramp (by hand).</param>
/// <param name="Source">Detected or logged by hand.</param>
/// <param name="Detection">What the detector saw, for detected events.</param>
/// <param name="Answer">The answer given to the prompt in the night, if any.</param>
/// <param name="AnsweredAt">UTC instant of that answer.</param>
/// <param name="Status">Morning review status.</param>
/// <param name="Details">What the user told about the cramp.</param>
/// <param name="DismissReason">Why it was dismissed, when it was.</param>
/// <param name="DismissNote">Free text with the dismissal.</param>
/// <param name="AsleepAgainAt">UTC instant the sleeper was asleep again after a detected awakening, as the detector saw it live (<see cref="SleepReturnTracker"/>); null until known.</param>
/// <param name="Course">What followed a detected awakening (<see cref="AwakeningCourseTracker"/>): the body's work, the heart after, distress; null until known.</param>
public sealed record CrampEvent(
    Guid Id,
    NightId Night,
    DateTimeOffset At,
    CrampEventSource Source,
    AwakeningDetected? Detection,
    NightAnswer? Answer,
    DateTimeOffset? AnsweredAt,
    ReviewStatus Status,
    CrampDetails Details,
    DismissReason? DismissReason,
    string? DismissNote,
    DateTimeOffset? AsleepAgainAt = null,
    AwakeningCourse? Course = null)
{
    /// <summary>A new event for a detected awakening, awaiting the user's answer.</summary>
    public static CrampEvent FromDetection(Guid id, NightId night, AwakeningDetected detection) =>
        new(id, night, detection.Onset, CrampEventSource.Detected, detection, null, null, ReviewStatus.Pending, CrampDetails.Empty, null, null);

    /// <summary>A cramp the user logs by hand: confirmed at once.</summary>
    public static CrampEvent LoggedByHand(Guid id, NightId night, DateTimeOffset at, CrampDetails details) =>
        new(id, night, at, CrampEventSource.LoggedByHand, null, NightAnswer.Cramp, null, ReviewStatus.Confirmed, details, null, null);

    /// <summary>True when this counts as a cramp (confirmed in the morning).</summary>
    public bool IsConfirmedCramp => Status == ReviewStatus.Confirmed;

    /// <summary>
    /// The answer in the night, with optional quick-log details. Never before the question: with a clock behind
    /// the wearable's seconds (the demo's night played faster than real time) the answer is put at the decision.
    /// </summary>
    public CrampEvent Answered(NightAnswer answer, DateTimeOffset at, CrampDetails? quickLog) =>
        this with
        {
            Answer = answer,
            AnsweredAt = Detection is { DetectedAt: var asked } && asked > at ? asked : at,
            Details = quickLog is null ? Details : Details.MergedWith(quickLog),
        };

    /// <summary>Confirmed as a cramp in the morning, with details added to what is there.</summary>
    public CrampEvent Confirmed(CrampDetails details) =>
        this with { Status = ReviewStatus.Confirmed, Details = Details.MergedWith(details), DismissReason = null, DismissNote = null };

    /// <summary>Confirmed as a cramp with exactly these details (an answer changed or its details edited: what was cleared stays cleared).</summary>
    public CrampEvent Revised(CrampDetails details) =>
        this with { Status = ReviewStatus.Confirmed, Details = details, DismissReason = null, DismissNote = null };

    /// <summary>This event with the morning's answer of <paramref name="earlier"/> (status, details, reason): an answer taken back. What the night recorded since (the course, sleep again) stays.</summary>
    public CrampEvent WithAnswerOf(CrampEvent earlier) =>
        this with { Status = earlier.Status, Details = earlier.Details, DismissReason = earlier.DismissReason, DismissNote = earlier.DismissNote };

    /// <summary>True when the morning's answer has been given (confirmed or dismissed).</summary>
    public bool IsReviewed => Status != ReviewStatus.Pending;

    /// <summary>True when the user answered the prompt in the night.</summary>
    public bool WasAnswered => Answer is not null;

    /// <summary>The sleeper was asleep again at <paramref name="at"/> (UTC).</summary>
    public CrampEvent SleptAgainAt(DateTimeOffset at) => this with { AsleepAgainAt = at };

    /// <summary>What followed the awakening is known (or known so far).</summary>
    public CrampEvent Followed(AwakeningCourse course) => this with { Course = course };

    /// <summary>Dismissed in the morning.</summary>
    public CrampEvent Dismissed(DismissReason reason, string? note) =>
        this with { Status = ReviewStatus.Dismissed, DismissReason = reason, DismissNote = note };
}
