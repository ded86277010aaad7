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
        _listFrom = null;
        HasOlder = true;
        Load();
    }

    /// <summary>How far back what goes with the cramp nights and what helps look (about a year of nights).</summary>
    public const int Days = 400;

    /// <summary>The list first shows the nights of this many days: a small page, whatever the years behind it.</summary>
    public const int FirstDays = 60;

    /// <summary>"Show older" reaches this many days further back each time (and on, over a gap, until it finds a night).</summary>
    public const int OlderDays = 90;

    /// <summary>The weeks' and months' bars are counted over this many days.</summary>
    public const int TrendDays = 200;

    /// <summary>How far back "Show older" looks for a night before it says there are none.</summary>
    public const int OldestYears = 30;

    private DateOnly? _listFrom;

    /// <summary>True while older nights may be there to show.</summary>
    [ObservableProperty]
    public partial bool HasOlder { get; private set; } = true;

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

    /// <summary>Reads the history: the latest nights (<see cref="FirstDays"/>, or as far as "Show older" reached), the bars, the insights.</summary>
    public void Load()
    {
        var (h, c, i, _) = Source;
        var today = Today(c);
        var trend = Known(today.AddDays(-TrendDays), today.AddDays(1));
        Weeks = CrampTrends.PerWeek(trend).TakeLast(8).ToList();
        Months = CrampTrends.PerMonth(trend).TakeLast(6).ToList();
        _listFrom ??= today.AddDays(-FirstDays);
        Nights = _listFrom >= today.AddDays(-TrendDays) ? [.. trend.Where(n => n.Id.EveningDate >= _listFrom)] : Known(_listFrom.Value, today.AddDays(1));
        Insights = i?.Analyze(today.AddDays(-Days), today.AddDays(1));
        Helps = i?.WhatHelps(today.AddDays(-Days), today.AddDays(1)) ?? [];
        OffersSample = sample is not null && !ShowingSample && trend.Count < OfferSampleBelow;
    }

    /// <summary>Shows older nights: <see cref="OlderDays"/> further back, and on over a gap until one is found (or none is, <see cref="OldestYears"/> back).</summary>
    public void ShowOlder()
    {
        var (_, c, _, _) = Source;
        var oldest = Today(c).AddYears(-OldestYears);
        var from = _listFrom ?? Today(c).AddDays(-FirstDays);
        IReadOnlyList<NightSummary> older = [];
        while (older.Count == 0 && from > oldest)
        {
            var to = from.AddDays(-1);
            from = from.AddDays(-OlderDays);
            older = Known(from, to);
        }

        _listFrom = from;
        HasOlder = older.Count > 0;
        Nights = [.. Nights, .. older];
    }

    private (HistoryService History, NightCalendar Calendar, InsightsService? Insights, NightLeg.Domain.Storage.IDiaryRepository? Diaries) Source =>
        ShowingSample ? (sample!.History, sample.Calendar, sample.Insights, sample.Diaries) : (history, calendar, insights, diaries);

    private DateOnly Today(NightCalendar c) => DateOnly.FromDateTime(c.ToLocal(time.GetUtcNow()).DateTime);

    /// <summary>The nights known in [<paramref name="from"/>, <paramref name="to"/>], newest first: recorded, or logged (a cramp, a check-in).</summary>
    private IReadOnlyList<NightSummary> Known(DateOnly from, DateOnly to)
    {
        var (h, c, _, d) = Source;
        var checkedIn = d?.List(from, to).Where(x => x.Factors is not null).Select(x => x.Night) ?? [];
        return h.ListKnown(from, to, checkedIn, c);
    }

    /// <summary>Local time of an instant, HH:mm.</summary>
    public string LocalTime(DateTimeOffset instant) => calendar.ToLocal(instant).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
