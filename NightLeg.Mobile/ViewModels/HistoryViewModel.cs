using CommunityToolkit.Mvvm.ComponentModel;
using NightLeg.Domain.History;
using NightLeg.Domain.Insights;
using NightLeg.Domain.Nights;

namespace NightLeg.Mobile.ViewModels;

/// <summary>
/// The history: nights newest first, cramp nights per week and month, what goes with the cramp nights
/// and what helps. UI-neutral.
/// </summary>
public sealed partial class HistoryViewModel(HistoryService history, NightCalendar calendar, TimeProvider time, InsightsService? insights = null,
    NightLeg.Domain.Storage.IDiaryRepository? diaries = null) : ObservableObject
{
    /// <summary>How far back the list goes.</summary>
    public const int Days = 400;

    [ObservableProperty]
    public partial IReadOnlyList<NightSummary> Nights { get; set; } = [];

    [ObservableProperty]
    public partial IReadOnlyList<PeriodCount> Weeks { get; set; } = [];

    [ObservableProperty]
    public partial IReadOnlyList<PeriodCount> Months { get; set; } = [];

    /// <summary>What goes with the cramp nights (null without the insights service).</summary>
    [ObservableProperty]
    public partial InsightReport? Insights { get; set; }

    /// <summary>What helps: each relief step used, against the others.</summary>
    [ObservableProperty]
    public partial IReadOnlyList<ReliefComparison> Helps { get; set; } = [];

    public void Load()
    {
        var today = DateOnly.FromDateTime(calendar.ToLocal(time.GetUtcNow()).DateTime);
        var checkedIn = diaries?.List(today.AddDays(-Days), today.AddDays(1)).Where(d => d.Factors is not null).Select(d => d.Night) ?? [];
        Nights = history.ListKnown(today.AddDays(-Days), today.AddDays(1), checkedIn, calendar);
        Weeks = CrampTrends.PerWeek(Nights).TakeLast(8).ToList();
        Months = CrampTrends.PerMonth(Nights).TakeLast(6).ToList();
        Insights = insights?.Analyze(today.AddDays(-Days), today.AddDays(1));
        Helps = insights?.WhatHelps(today.AddDays(-Days), today.AddDays(1)) ?? [];
    }

    /// <summary>Local time of an instant, HH:mm.</summary>
    public string LocalTime(DateTimeOffset instant) => calendar.ToLocal(instant).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
