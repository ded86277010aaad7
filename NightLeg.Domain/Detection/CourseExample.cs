namespace NightLeg.Domain.Detection;

/// <summary>
/// What one answered awakening looked like afterwards — its leg work and its heart — kept by
/// <see cref="SleeperLearning"/> to recognise the next one like it. Immutable.
/// </summary>
/// <param name="ActiveSeconds">Seconds with movement in its first five minutes (<see cref="AwakeningCourse.ActiveSeconds"/>); null without motion.</param>
/// <param name="HeartRateAfterBpm">Heart rate after the prompt above the sleeping baseline (<see cref="AwakeningCourse.HeartRateAfterBpm"/>); null without heart rate.</param>
public sealed record CourseExample(int? ActiveSeconds, double? HeartRateAfterBpm)
{
    /// <summary>Two awakenings' leg work is alike within this share of the larger (or <see cref="WorkToleranceSeconds"/>, whichever is more).</summary>
    public const double WorkTolerance = 0.25;

    /// <summary>…or within this many seconds.</summary>
    public const int WorkToleranceSeconds = 25;

    /// <summary>Two awakenings' heart after the prompt is alike within this (bpm).</summary>
    public const double HeartToleranceBpm = 5;

    /// <summary>The example of <paramref name="course"/>.</summary>
    public static CourseExample Of(AwakeningCourse course) => new(course.ActiveSeconds, course.HeartRateAfterBpm is { } hr ? Math.Round(hr, 1) : null);

    /// <summary>True when <paramref name="other"/> looked the same: what is known of both agrees within the tolerances, and at least one signal is known.</summary>
    public bool IsLike(CourseExample other)
    {
        var compared = false;
        if (ActiveSeconds is { } a && other.ActiveSeconds is { } b)
        {
            if (Math.Abs(a - b) > Math.Max(WorkToleranceSeconds, WorkTolerance * Math.Max(a, b)))
            {
                return false;
            }

            compared = true;
        }
        else if (ActiveSeconds is not null || other.ActiveSeconds is not null)
        {
            return false; // one moved on a wearable with motion, the other was seen without: not comparable
        }

        if (HeartRateAfterBpm is { } x && other.HeartRateAfterBpm is { } y)
        {
            if (Math.Abs(x - y) > HeartToleranceBpm)
            {
                return false;
            }

            compared = true;
        }

        return compared;
    }
}
