using NightLeg.Domain.Detection;
using NightLeg.Domain.Samples;
using NightLeg.Tests.Fakes;

namespace NightLeg.Tests.Domain.Detection;

public sealed class SleepReturnTrackerTests
{
    [Fact]
    public void Find_StillAndCalmAfterTwoMinutes_AsleepFromThen()
    {
        // Arrange: two minutes awake and fidgeting (a movement every 20 s), then calm sleep.
        var script = new EpochScript(seed: 1, baselineBpm: 50);
        var from = script.Now;
        for (var i = 0; i < 6; i++)
        {
            script.TurnOver().Sleep(TimeSpan.FromSeconds(5));
        }

        var calmFrom = script.Now;
        script.Sleep(TimeSpan.FromMinutes(8));

        // Act
        var asleep = SleepReturnTracker.Find(script.Epochs, from, baselineBpm: 50);

        // Assert
        Assert.NotNull(asleep);
        Assert.InRange((asleep.Value - calmFrom).TotalSeconds, 0, 60);
    }

    [Fact]
    public void Find_FidgetingMoreThanOnceAMinute_NotAsleep()
    {
        // Arrange: lying awake: a short movement every 30 s for ten minutes (awake people move ≈90 times an hour).
        var script = new EpochScript(seed: 2, baselineBpm: 50);
        var from = script.Now;
        for (var i = 0; i < 20; i++)
        {
            script.TurnOver().Sleep(TimeSpan.FromSeconds(15));
        }

        // Act
        var asleep = SleepReturnTracker.Find(script.Epochs, from, baselineBpm: 50);

        // Assert
        Assert.Null(asleep);
    }

    [Fact]
    public void Find_HeartRateStillRaised_NotAsleep()
    {
        // Arrange: still, but the heart rate is 12 bpm above the sleeping baseline (in pain, awake).
        var script = new EpochScript(seed: 3, baselineBpm: 62, withMotion: false).Sleep(TimeSpan.FromMinutes(10));

        // Act
        var asleep = SleepReturnTracker.Find(script.Epochs, script.Epochs[0].Start, baselineBpm: 50);

        // Assert
        Assert.Null(asleep);
    }

    [Fact]
    public void Add_LongGapInTheCalmRun_StartsCountingAgain()
    {
        // Arrange: three calm minutes, 20 minutes without data, three calm minutes.
        var script = new EpochScript(seed: 4, baselineBpm: 50).Sleep(TimeSpan.FromMinutes(3)).Gap(TimeSpan.FromMinutes(20)).Sleep(TimeSpan.FromMinutes(3));

        // Act
        var asleep = SleepReturnTracker.Find(script.Epochs, script.Epochs[0].Start, baselineBpm: 50);

        // Assert
        Assert.Null(asleep);
    }

    [Fact]
    public void Add_ReportsTheReturnOnceInTheSecondItIsKnown()
    {
        // Arrange
        var script = new EpochScript(seed: 5, baselineBpm: 50).Sleep(TimeSpan.FromMinutes(7));
        var tracker = new SleepReturnTracker(script.Epochs[0].Start, 50);

        // Act
        var reports = script.Epochs.Count(e => tracker.Add(e));

        // Assert: five calm minutes from the start; known when the fifth closes.
        Assert.Equal(1, reports);
        Assert.Equal(script.Epochs[0].Start, tracker.AsleepAgainAt);
    }
}
