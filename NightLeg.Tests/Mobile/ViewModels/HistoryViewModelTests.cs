using Microsoft.Extensions.Time.Testing;
using NightLeg.Domain.Cramps;
using NightLeg.Domain.History;
using NightLeg.Domain.Insights;
using NightLeg.Domain.Nights;
using NightLeg.Mobile.ViewModels;
using NightLeg.Sync.Simulation;
using NightLeg.Sync.Storage;

namespace NightLeg.Tests.Mobile.ViewModels;

/// <summary>History at scale: a small first page whatever the years behind it, and every night reachable. (Issue 23.)</summary>
public sealed class HistoryViewModelTests : IDisposable
{
    private static readonly DateOnly LastNight = new(2026, 12, 1);
    private readonly NightLegDatabase _database = NightLegDatabase.InMemory(TimeProvider.System);
    private readonly NightCalendar _calendar = NightCalendar.ForZone(SampleHistory.Zone);
    private readonly FakeTimeProvider _time;

    public HistoryViewModelTests() => _time = new FakeTimeProvider(_calendar.ToUtc(LastNight.AddDays(1), new TimeOnly(8, 0)));

    public void Dispose() => _database.Dispose();

    private HistoryViewModel Open()
    {
        var events = new LiteDbCrampEventRepository(_database);
        var diaries = new LiteDbDiaryRepository(_database);
        var history = new HistoryService(new LiteDbNightRepository(_database), events, new AwakeningReviewer(new LiteDbEpochRepository(_database)));
        return new HistoryViewModel(history, _calendar, _time, new InsightsService(history, events, diaries, _calendar), diaries);
    }

    [Fact]
    public void TenYears_FirstViewIsTheLatestWeeks_ShowOlderReachesEveryNight()
    {
        // Arrange: ten years of nights, diary and cramps.
        SampleHistory.Seed(_database, LastNight, nights: 3650);
        var history = Open();

        // Act
        history.Load();

        // Assert: the first page is the last two months, newest first.
        Assert.Equal(HistoryViewModel.FirstDays, history.Nights.Count);
        Assert.Equal(LastNight, history.Nights[0].Id.EveningDate);
        Assert.True(history.HasOlder);

        // …and "Show older" walks back to the first night, then says there are no more.
        var pages = 0;
        while (history.HasOlder)
        {
            history.ShowOlder();
            pages++;
        }

        Assert.Equal(3650, history.Nights.Count);
        Assert.Equal(LastNight.AddDays(-3649), history.Nights[^1].Id.EveningDate);
        Assert.InRange(pages, 3650 / HistoryViewModel.OlderDays, (3650 / HistoryViewModel.OlderDays) + 2);
        Assert.Equal(history.Nights.Count, history.Nights.Select(n => n.Id).Distinct().Count());
    }

    [Fact]
    public void AYearWithoutNights_ShowOlderStepsOverIt()
    {
        // Arrange: last month, and a month two years ago (the wearable lay in a drawer in between).
        SampleHistory.Seed(_database, LastNight, nights: 30, seed: 1);
        SampleHistory.Seed(_database, LastNight.AddYears(-2), nights: 30, seed: 2);
        var history = Open();
        history.Load();

        // Act
        history.ShowOlder();

        // Assert
        Assert.Equal(60, history.Nights.Count);
        Assert.True(history.HasOlder);
        history.ShowOlder();
        Assert.False(history.HasOlder);
        Assert.Equal(60, history.Nights.Count);
    }
}
