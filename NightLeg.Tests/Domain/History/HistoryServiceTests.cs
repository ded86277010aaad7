using NightLeg.Domain.Cramps;
using NightLeg.Domain.Detection;
using NightLeg.Domain.History;
using NightLeg.Domain.Nights;
using NightLeg.Tests.Fakes;

namespace NightLeg.Tests.Domain.History;

public sealed class HistoryServiceTests
{
    private static readonly NightCalendar Oslo = NightCalendar.ForZone("Europe/Oslo");
    private readonly InMemoryNightRepository _nights = new();
    private readonly InMemoryCrampEventRepository _events = new();

    [Fact]
    public void List_CountsAwakeningsConfirmedDismissedAndUnreviewed_NewestFirst()
    {
        // Arrange
        var first = AddNight(new DateOnly(2026, 3, 9));
        var second = AddNight(new DateOnly(2026, 3, 10));
        _events.Save(Detected(second, 3).Confirmed(CrampDetails.Empty));
        _events.Save(Detected(second, 4).Dismissed(DismissReason.Child, null));
        _events.Save(Detected(second, 5));
        _events.Save(CrampEvent.LoggedByHand(Guid.NewGuid(), first, Oslo.ToUtc(first, new TimeOnly(2, 0)), CrampDetails.Empty));

        // Act
        var list = new HistoryService(_nights, _events, new AwakeningReviewer(new InMemoryEpochRepository())).List(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31));

        // Assert
        Assert.Equal([second, first], list.Select(s => s.Id));
        Assert.Equal((3, 1, 1, 1), (list[0].Awakenings, list[0].ConfirmedCramps, list[0].DismissedEvents, list[0].UnreviewedEvents));
        Assert.Equal((0, 1), (list[1].Awakenings, list[1].ConfirmedCramps));
        Assert.All(list, s => Assert.True(s.IsCrampNight));
        Assert.Equal(TimeSpan.FromHours(8), list[0].TimeInBed);
        Assert.Equal(TimeSpan.FromHours(7), list[0].TimeAsleep);
        Assert.Equal(47, list[0].LowestHeartRateBpm);
    }

    [Fact]
    public void List_BriefAwakenings_CountApartAndAreNotUnreviewed()
    {
        // Arrange: two awakenings with sleep back within two minutes (nobody answered), one after twenty.
        var night = AddNight(new DateOnly(2026, 3, 10));
        var brief1 = Detected(night, 2);
        var brief2 = Detected(night, 3);
        var long1 = Detected(night, 4);
        _events.Save(brief1.SleptAgainAt(brief1.At.AddMinutes(2)));
        _events.Save(brief2.SleptAgainAt(brief2.At.AddMinutes(1)));
        _events.Save(long1.SleptAgainAt(long1.At.AddMinutes(20)));

        // Act
        var summary = Assert.Single(new HistoryService(_nights, _events, new AwakeningReviewer(new InMemoryEpochRepository())).List(night.EveningDate, night.EveningDate));

        // Assert
        Assert.Equal((1, 2, 1), (summary.Awakenings, summary.UnaskedAwakenings, summary.UnreviewedEvents));
    }

    [Fact]
    public void List_DateRange_IsInclusiveAndExcludesOthers()
    {
        AddNight(new DateOnly(2026, 2, 28));
        AddNight(new DateOnly(2026, 3, 1));
        AddNight(new DateOnly(2026, 3, 31));
        AddNight(new DateOnly(2026, 4, 1));

        var list = new HistoryService(_nights, _events, new AwakeningReviewer(new InMemoryEpochRepository())).List(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31));

        Assert.Equal([new DateOnly(2026, 3, 31), new DateOnly(2026, 3, 1)], list.Select(s => s.Id.EveningDate));
    }

    [Fact]
    public void CrampTrends_PerWeekAndMonth_CountCrampNights()
    {
        // Arrange: Mon 9 Mar – Sun 15 Mar 2026 is ISO week 11; 16 Mar starts week 12.
        var summaries = new[]
        {
            Summary(new DateOnly(2026, 3, 9), cramps: 1),
            Summary(new DateOnly(2026, 3, 10), cramps: 0),
            Summary(new DateOnly(2026, 3, 15), cramps: 2),
            Summary(new DateOnly(2026, 3, 16), cramps: 1),
            Summary(new DateOnly(2026, 4, 2), cramps: 0),
        };

        // Act
        var weeks = CrampTrends.PerWeek(summaries);
        var months = CrampTrends.PerMonth(summaries);

        // Assert
        Assert.Equal(
            [new PeriodCount("2026-W11", new DateOnly(2026, 3, 9), 3, 2, 3), new PeriodCount("2026-W12", new DateOnly(2026, 3, 16), 1, 1, 1), new PeriodCount("2026-W14", new DateOnly(2026, 3, 30), 1, 0, 0)],
            weeks);
        Assert.Equal([new PeriodCount("2026-03", new DateOnly(2026, 3, 1), 4, 3, 4), new PeriodCount("2026-04", new DateOnly(2026, 4, 1), 1, 0, 0)], months);
    }

    private NightId AddNight(DateOnly evening)
    {
        var id = new NightId(evening, "Europe/Oslo");
        _nights.Save(new Night(id, Oslo.ToUtc(id, new TimeOnly(23, 0)), Oslo.ToUtc(id, new TimeOnly(7, 0)), null, null, null, null, [],
            new SleepStatistics(TimeSpan.FromHours(7), 47, 52)));
        return id;
    }

    private static CrampEvent Detected(NightId night, int hour)
    {
        var onset = Oslo.ToUtc(night, new TimeOnly(hour, 0));
        return CrampEvent.FromDetection(Guid.NewGuid(), night, new AwakeningDetected(onset, onset.AddSeconds(10), 50, 70, 8, null, 0.7, DetectionEvidence.HeartRateAndMotion));
    }

    private static NightSummary Summary(DateOnly evening, int cramps) =>
        new(new NightId(evening, "Europe/Oslo"), default, default, TimeSpan.Zero, TimeSpan.Zero, null, null, cramps, cramps, 0, 0, TimeSpan.Zero);
}
