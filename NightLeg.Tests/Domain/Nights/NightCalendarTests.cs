using NightLeg.Domain.Nights;

namespace NightLeg.Tests.Domain.Nights;

public sealed class NightCalendarTests
{
    private readonly NightCalendar _oslo = NightCalendar.ForZone("Europe/Oslo");

    [Fact]
    public void NightOf_InstantAfterMidnight_BelongsToPreviousEvening()
    {
        // Arrange: 01:30 local on Wednesday 11 March (UTC+1).
        var instant = new DateTimeOffset(2026, 3, 11, 0, 30, 0, TimeSpan.Zero);

        // Act
        var night = _oslo.NightOf(instant);

        // Assert
        Assert.Equal(new NightId(new DateOnly(2026, 3, 10), "Europe/Oslo"), night);
    }

    [Fact]
    public void NightOf_EveningAndNextMorning_AreTheSameNight()
    {
        var evening = _oslo.ToUtc(new DateOnly(2026, 3, 10), new TimeOnly(22, 45));
        var morning = _oslo.ToUtc(new DateOnly(2026, 3, 11), new TimeOnly(11, 59));
        var nextDay = _oslo.ToUtc(new DateOnly(2026, 3, 11), new TimeOnly(12, 0));

        Assert.Equal(_oslo.NightOf(evening), _oslo.NightOf(morning));
        Assert.NotEqual(_oslo.NightOf(morning), _oslo.NightOf(nextDay));
    }

    [Fact]
    public void SpringForwardNight_2300To0700_IsSevenHoursAndWindowIs23Hours()
    {
        // Arrange: clocks go 02:00 → 03:00 on Sunday 29 March 2026 in Oslo.
        var night = new NightId(new DateOnly(2026, 3, 28), "Europe/Oslo");

        // Act
        var bed = _oslo.ToUtc(night, new TimeOnly(23, 0));
        var up = _oslo.ToUtc(night, new TimeOnly(7, 0));
        var (start, end) = _oslo.Window(night);

        // Assert
        Assert.Equal(TimeSpan.FromHours(7), up - bed);
        Assert.Equal(TimeSpan.FromHours(23), end - start);
        Assert.Equal(new DateTimeOffset(2026, 3, 28, 22, 0, 0, TimeSpan.Zero), bed);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 5, 0, 0, TimeSpan.Zero), up);
    }

    [Fact]
    public void SpringForwardNight_SkippedLocalTime_MovesForwardByTheGap()
    {
        // 02:30 does not exist that night: it is read as 03:30 CEST (01:30 UTC).
        var night = new NightId(new DateOnly(2026, 3, 28), "Europe/Oslo");

        var cramp = _oslo.ToUtc(night, new TimeOnly(2, 30));

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), cramp);
        Assert.Equal(new TimeOnly(3, 30), TimeOnly.FromDateTime(_oslo.ToLocal(cramp).DateTime));
    }

    [Fact]
    public void FallBackNight_2300To0700_IsNineHoursAndWindowIs25Hours()
    {
        // Arrange: clocks go 03:00 → 02:00 on Sunday 25 October 2026 in Oslo.
        var night = new NightId(new DateOnly(2026, 10, 24), "Europe/Oslo");

        // Act
        var bed = _oslo.ToUtc(night, new TimeOnly(23, 0));
        var up = _oslo.ToUtc(night, new TimeOnly(7, 0));
        var (start, end) = _oslo.Window(night);

        // Assert
        Assert.Equal(TimeSpan.FromHours(9), up - bed);
        Assert.Equal(TimeSpan.FromHours(25), end - start);
    }

    [Fact]
    public void FallBackNight_AmbiguousLocalTime_IsTheEarlierOccurrence()
    {
        // 02:30 happens twice: first at UTC+2 (00:30 UTC), then at UTC+1 (01:30 UTC).
        var night = new NightId(new DateOnly(2026, 10, 24), "Europe/Oslo");

        var cramp = _oslo.ToUtc(night, new TimeOnly(2, 30));

        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), cramp);
    }

    [Fact]
    public void FallBackNight_BothOccurrencesOfTheRepeatedHour_BelongToTheSameNight()
    {
        var first = new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero);
        var second = new DateTimeOffset(2026, 10, 25, 1, 30, 0, TimeSpan.Zero);

        Assert.Equal(_oslo.NightOf(first), _oslo.NightOf(second));
        Assert.Equal(new DateOnly(2026, 10, 24), _oslo.NightOf(second).EveningDate);
    }

    [Theory]
    [InlineData("2026-03-10@Europe/Oslo", true)]
    [InlineData("2026-03-10@", false)]
    [InlineData("garbage", false)]
    [InlineData("2026-13-10@Europe/Oslo", false)]
    public void NightIdTryParse_RoundTripsToString(string text, bool valid)
    {
        var ok = NightId.TryParse(text, out var id);

        Assert.Equal(valid, ok);
        if (valid)
        {
            Assert.Equal(text, id.ToString());
        }
    }
}
