using System.Globalization;

namespace NightLeg.Domain.History;

/// <summary>Cramp nights per ISO week and per calendar month. Pure and thread-safe.</summary>
public static class CrampTrends
{
    /// <summary>Per ISO-8601 week (Monday first) of the nights' evening dates, oldest first.</summary>
    public static IReadOnlyList<PeriodCount> PerWeek(IEnumerable<NightSummary> nights) =>
        nights.GroupBy(n => (Year: ISOWeek.GetYear(n.Id.EveningDate.ToDateTime(TimeOnly.MinValue)), Week: ISOWeek.GetWeekOfYear(n.Id.EveningDate.ToDateTime(TimeOnly.MinValue))))
            .Select(g => Count($"{g.Key.Year}-W{g.Key.Week:00}", DateOnly.FromDateTime(ISOWeek.ToDateTime(g.Key.Year, g.Key.Week, DayOfWeek.Monday)), g))
            .OrderBy(p => p.Start)
            .ToList();

    /// <summary>Per calendar month of the nights' evening dates, oldest first.</summary>
    public static IReadOnlyList<PeriodCount> PerMonth(IEnumerable<NightSummary> nights) =>
        nights.GroupBy(n => new DateOnly(n.Id.EveningDate.Year, n.Id.EveningDate.Month, 1))
            .Select(g => Count($"{g.Key:yyyy-MM}", g.Key, g))
            .OrderBy(p => p.Start)
            .ToList();

    private static PeriodCount Count(string label, DateOnly start, IEnumerable<NightSummary> nights)
    {
        var list = nights.ToList();
        return new PeriodCount(label, start, list.Count, list.Count(n => n.IsCrampNight), list.Sum(n => n.ConfirmedCramps));
    }
}
