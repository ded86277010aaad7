using NightLeg.Domain.Diary;
using NightLeg.Domain.History;
using NightLeg.Domain.Nights;
using NightLeg.Domain.Storage;

namespace NightLeg.Domain.Insights;

/// <summary>
/// Reads the history, the events and the diary through the repositories and answers the three
/// questions of the insights: what goes with the cramp nights, what helps, and the doctor's report.
/// Thread-safe when the repositories are.
/// </summary>
public sealed class InsightsService(HistoryService history, ICrampEventRepository events, IDiaryRepository diaries, NightCalendar calendar)
{
    /// <summary>Every factor against the cramp nights of evenings <paramref name="from"/>–<paramref name="to"/>.</summary>
    public InsightReport Analyze(DateOnly from, DateOnly to) =>
        CrampInsights.Analyze(Facts(from, to));

    /// <summary>Each night's facts (for the CLI's JSON and the tests).</summary>
    public IReadOnlyList<NightFacts> Facts(DateOnly from, DateOnly to) =>
        Factors.ForNights(history.List(from, to), diaries.List(from, to).ToDictionary(d => d.Night),
            events.List(from, to).Where(e => e.IsConfirmedCramp).Select(e => e.Night).ToHashSet());

    /// <summary>What helps: each relief step against the others.</summary>
    public IReadOnlyList<ReliefComparison> WhatHelps(DateOnly from, DateOnly to) => Insights.WhatHelps.Compare(events.List(from, to));

    /// <summary>The doctor's report for evenings <paramref name="from"/>–<paramref name="to"/>.</summary>
    public DoctorReport Report(DateOnly from, DateOnly to) =>
        DoctorReport.Build(from, to, history.List(from, to), events.List(from, to), diaries.List(from, to), calendar);
}
