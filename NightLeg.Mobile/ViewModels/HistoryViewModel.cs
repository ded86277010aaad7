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
    NightLeg.Domain.Storage.IDiaryRepository? diaries = null, NightLeg.Mobile.Services.SampleHistoryView? sample = null) : ObservableObject
{
    /// <summary>Below this many nights of their own, a user is offered the sample history.</summary>
    public const int OfferSampleBelow = 14;

    /// <summary>True while the sample history is shown instead of the user's own (nothing of it is in their database).</summary>
    [ObservableProperty]
    public partial bool ShowingSample { get; private set; }

    /// <summary>True when the sample may be offered: few nights of their own yet.</summary>
    [ObservableProperty]
    public partial bool OffersSample { get; private set; }

    /// <summary>Shows the sample history (<paramref name="on"/>) or the user's own again.</summary>
    public void ShowSample(bool on)
    {
        ShowingSample = on && sample is not null;
        Load();
    }

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
        var (h, c, i, d) = ShowingSample ? (sample!.History, sample.Calendar, sample.Insights, sample.Diaries) : (history, calendar, insights, diaries);
        var today = DateOnly.FromDateTime(c.ToLocal(time.GetUtcNow()).DateTime);
        var checkedIn = d?.List(today.AddDays(-Days), today.AddDays(1)).Where(x => x.Factors is not null).Select(x => x.Night) ?? [];
        Nights = h.ListKnown(today.AddDays(-Days), today.AddDays(1), checkedIn, c);
        Weeks = CrampTrends.PerWeek(Nights).TakeLast(8).ToList();
        Months = CrampTrends.PerMonth(Nights).TakeLast(6).ToList();
        Insights = i?.Analyze(today.AddDays(-Days), today.AddDays(1));
        Helps = i?.WhatHelps(today.AddDays(-Days), today.AddDays(1)) ?? [];
        OffersSample = sample is not null && !ShowingSample && Nights.Count < OfferSampleBelow;
    }

    /// <summary>Local time of an instant, HH:mm.</summary>
    public string LocalTime(DateTimeOffset instant) => calendar.ToLocal(instant).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
