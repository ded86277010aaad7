using NightLeg.Domain.Cramps;
using NightLeg.Domain.Guidance;

namespace NightLeg.Domain.Insights;

/// <summary>
/// "What helps you": for each relief step, the median cramp duration and time until asleep again when
/// it was used, against the cramps where it was not. Time until asleep again is what the user said,
/// else what the detector saw (<see cref="CrampEvent.AsleepAgainAt"/>). Descriptive only: shown when
/// each side has at least <see cref="MinimumCrampsEachSide"/> cramps with a time. Pure.
/// </summary>
public static class WhatHelps
{
    /// <summary>Cramps with a time needed on each side before a step is shown.</summary>
    public const int MinimumCrampsEachSide = 3;

    /// <summary>One comparison per guidance step that was used at least once.</summary>
    public static IReadOnlyList<ReliefComparison> Compare(IEnumerable<CrampEvent> events)
    {
        var cramps = events.Where(e => e.IsConfirmedCramp).ToList();
        return ReliefGuidance.Steps
            .Where(step => cramps.Any(c => c.Details.WhatHelped.Contains(step.Id)))
            .Select(step =>
            {
                var with = cramps.Where(c => c.Details.WhatHelped.Contains(step.Id)).ToList();
                var without = cramps.Where(c => !c.Details.WhatHelped.Contains(step.Id)).ToList();
                var withTimes = with.Count(c => Duration(c) is not null || BackToSleep(c) is not null);
                var withoutTimes = without.Count(c => Duration(c) is not null || BackToSleep(c) is not null);
                return new ReliefComparison(step.Id,
                    with.Count, Median(with.Select(Duration)), Median(with.Select(BackToSleep)),
                    without.Count, Median(without.Select(Duration)), Median(without.Select(BackToSleep)),
                    withTimes >= MinimumCrampsEachSide && withoutTimes >= MinimumCrampsEachSide);
            })
            .OrderByDescending(c => c.WithCramps)
            .ToList();
    }

    /// <summary>How long the cramp lasted, as told.</summary>
    public static TimeSpan? Duration(CrampEvent cramp) => cramp.Details.Duration;

    /// <summary>How long until asleep again: as told, else as the detector saw it.</summary>
    public static TimeSpan? BackToSleep(CrampEvent cramp) =>
        cramp.Details.BackToSleep?.After ?? (cramp.AsleepAgainAt is { } asleep && asleep > cramp.At ? asleep - cramp.At : null);

    /// <summary>The median of the known values, or null.</summary>
    public static TimeSpan? Median(IEnumerable<TimeSpan?> values)
    {
        var known = values.OfType<TimeSpan>().Order().ToList();
        return known.Count == 0 ? null : known.Count % 2 == 1 ? known[known.Count / 2] : (known[(known.Count / 2) - 1] + known[known.Count / 2]) / 2;
    }
}
