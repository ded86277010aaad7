using NightLeg.Domain.Cramps;

namespace NightLeg.Domain.Detection;

/// <summary>
/// What the user's answers taught NightLeg about this sleeper: every answer is a label. An event
/// dismissed as "not a cramp" (in the morning, or "Not a cramp" in the night) shows what this
/// sleeper's ordinary awakenings look like: later nights need a little more movement to prompt
/// (<see cref="MovementLevel"/>), and an awakening that looks like <see cref="FamiliarAfter"/> or more of
/// the dismissed ones (<see cref="Dismissed"/>) and like none of the confirmed cramps is not asked about in
/// the morning (<see cref="AwakeningCourse.LikeDismissed"/>). A confirmed cramp is remembered too
/// (<see cref="Confirmed"/>): the movement level is held below what it showed, and an awakening like it is
/// always asked about — what a confirmed cramp looked like is never learned away. Bounded (the last
/// <see cref="Remembered"/> of each); the Settings switch forgets it all (<see cref="Nothing"/>). Immutable.
/// </summary>
/// <param name="MovementLevel">Multiplies the active seconds a bout of movement needs to prompt (1 to <see cref="MaximumMovementLevel"/>).</param>
/// <param name="Dismissed">The latest dismissed awakenings, as they looked afterwards (oldest first).</param>
/// <param name="Confirmed">The latest confirmed cramps, as they looked afterwards (oldest first).</param>
/// <param name="MovementFloor">The most the movement level may rise to, set by the confirmed cramps (null before the first).</param>
public sealed record SleeperLearning(double MovementLevel, IReadOnlyList<CourseExample> Dismissed, IReadOnlyList<CourseExample> Confirmed, double? MovementFloor)
{
    /// <summary>Each dismissed event that movement carried raises the movement level by this factor…</summary>
    public const double MovementStep = 1.1;

    /// <summary>…up to this: a cramp keeps the leg working for minutes, so it still gets there (14 s × 1.6 ≈ 22 s of the bout's work, the first half-minute of a cramp; sitting up decides at once whatever the level).</summary>
    public const double MaximumMovementLevel = 1.6;

    /// <summary>Awakenings remembered of each kind.</summary>
    public const int Remembered = 20;

    /// <summary>An awakening like this many dismissed ones (and like no confirmed cramp) is familiar: not asked about.</summary>
    public const int FamiliarAfter = 2;

    /// <summary>Nothing learned yet (a new sleeper, or after the reset).</summary>
    public static SleeperLearning Nothing { get; } = new(1, [], [], null);

    /// <summary>True when nothing has been learned.</summary>
    public bool IsEmpty => Dismissed.Count == 0 && Confirmed.Count == 0 && MovementLevel == 1;

    /// <summary>How many dismissed awakenings <paramref name="course"/> looks like — 0 when it looks like any confirmed cramp.</summary>
    public int LikeDismissed(AwakeningCourse course)
    {
        var example = CourseExample.Of(course);
        return Confirmed.Any(example.IsLike) ? 0 : Dismissed.Count(example.IsLike);
    }

    /// <summary>What <paramref name="answered"/> (a detected event, just answered) teaches, on top of this.</summary>
    public SleeperLearning Learn(CrampEvent answered)
    {
        if (answered.Source != CrampEventSource.Detected || answered.Detection is not { } detection)
        {
            return this;
        }

        if (answered.IsConfirmedCramp || answered.Answer == NightAnswer.Cramp)
        {
            // Its leg work: a bout that worked this much over five minutes reaches half of it well within them.
            var floor = answered.Course?.ActiveSeconds is { } worked
                ? Math.Clamp(0.5 * worked / DetectorThresholds.Normal.BoutActiveSeconds, 1, MaximumMovementLevel)
                : MaximumMovementLevel;
            var lowest = Math.Min(MovementFloor ?? MaximumMovementLevel, floor);
            return this with
            {
                MovementFloor = lowest,
                MovementLevel = Math.Min(MovementLevel, lowest),
                Confirmed = answered.Course is { } course ? Append(Confirmed, CourseExample.Of(course)) : Confirmed,
            };
        }

        if (answered.Status == ReviewStatus.Dismissed || answered.Answer == NightAnswer.NotACramp)
        {
            var moved = detection.Evidence != DetectionEvidence.HeartRateOnly;
            var level = moved ? Math.Min(MovementFloor ?? MaximumMovementLevel, MovementLevel * MovementStep) : MovementLevel;
            return this with
            {
                MovementLevel = Math.Max(MovementLevel, level),
                Dismissed = answered.Course is { } course ? Append(Dismissed, CourseExample.Of(course)) : Dismissed,
            };
        }

        return this;
    }

    /// <summary>
    /// What <paramref name="answered"/> had taught, taken back: its answer was changed or undone (<see cref="Learn"/>
    /// is then called with the new answer). A dismissal's example goes and the movement level steps back; a
    /// confirmed cramp's example goes, but the movement floor it set stays — a cramp's pattern is never learned away.
    /// </summary>
    public SleeperLearning Forget(CrampEvent answered)
    {
        if (answered.Source != CrampEventSource.Detected || answered.Detection is not { } detection)
        {
            return this;
        }

        var example = answered.Course is { } course ? CourseExample.Of(course) : null;
        if (answered.IsConfirmedCramp || (answered.Status == ReviewStatus.Pending && answered.Answer == NightAnswer.Cramp))
        {
            return this with { Confirmed = Without(Confirmed, example) };
        }

        if (answered.Status == ReviewStatus.Dismissed || answered.Answer == NightAnswer.NotACramp)
        {
            var moved = detection.Evidence != DetectionEvidence.HeartRateOnly;
            return this with
            {
                MovementLevel = moved ? Math.Max(1, MovementLevel / MovementStep) : MovementLevel,
                Dismissed = Without(Dismissed, example),
            };
        }

        return this;
    }

    /// <summary>
    /// What an event answered before its course was known (answered at once in the night, or the morning
    /// review opened while the awakening was still being followed) teaches once the course arrives: it is
    /// remembered as it looked. The movement level already moved with the answer.
    /// </summary>
    public SleeperLearning RememberCourseOf(CrampEvent answered)
    {
        if (answered.Source != CrampEventSource.Detected || answered.Course is not { } course)
        {
            return this;
        }

        if (answered.IsConfirmedCramp || answered.Answer == NightAnswer.Cramp)
        {
            return this with { Confirmed = Append(Confirmed, CourseExample.Of(course)) };
        }

        return answered.Status == ReviewStatus.Dismissed || answered.Answer == NightAnswer.NotACramp
            ? this with { Dismissed = Append(Dismissed, CourseExample.Of(course)) }
            : this;
    }

    private static IReadOnlyList<CourseExample> Without(IReadOnlyList<CourseExample> list, CourseExample? example)
    {
        var index = example is null ? -1 : list.ToList().FindLastIndex(e => e == example);
        return index < 0 ? list : [.. list.Take(index), .. list.Skip(index + 1)];
    }

    private static IReadOnlyList<CourseExample> Append(IReadOnlyList<CourseExample> list, CourseExample example) =>
        [.. list.Skip(Math.Max(0, list.Count + 1 - Remembered)), example];

    /// <inheritdoc />
    public bool Equals(SleeperLearning? other) => other is not null && MovementLevel == other.MovementLevel && MovementFloor == other.MovementFloor &&
                                                  Dismissed.SequenceEqual(other.Dismissed) && Confirmed.SequenceEqual(other.Confirmed);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(MovementLevel, MovementFloor, Dismissed.Count, Confirmed.Count);
}
