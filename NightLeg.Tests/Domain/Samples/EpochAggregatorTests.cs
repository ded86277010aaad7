using NightLeg.Domain.Samples;

namespace NightLeg.Tests.Domain.Samples;

public sealed class EpochAggregatorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 10, 23, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Add_HeartRateEverySecond_OneEpochPerSecondAfterReorderDelay()
    {
        // Arrange
        var aggregator = new EpochAggregator();
        var epochs = new List<SecondEpoch>();

        // Act
        for (var i = 0; i < 10; i++)
        {
            epochs.AddRange(aggregator.Add(new HeartRateSample(T0.AddSeconds(i), 50 + i)));
        }

        epochs.AddRange(aggregator.Flush());

        // Assert
        Assert.Equal(10, epochs.Count);
        Assert.Equal(Enumerable.Range(50, 10).Select(x => (double?)x), epochs.Select(e => e.HeartRateBpm));
        Assert.All(epochs, e => Assert.Null(e.MovementG));
    }

    [Fact]
    public void Add_StillSensor_MovementNearZeroAndPostureFromGravity()
    {
        // Arrange: lying on the back, z axis up, 52 Hz.
        var aggregator = new EpochAggregator();
        var epochs = new List<SecondEpoch>();

        // Act
        for (var i = 0; i < 52 * 3; i++)
        {
            epochs.AddRange(aggregator.Add(new MotionSample(T0.AddSeconds(i / 52.0), 0.0, 0.0, 1.0)));
        }

        epochs.AddRange(aggregator.Flush());

        // Assert
        Assert.Equal(3, epochs.Count);
        Assert.All(epochs, e => Assert.InRange(e.MovementG!.Value, 0, 1e-9));
        Assert.All(epochs, e => Assert.Equal(0, e.Posture!.Value.AngleToDegrees(new Posture(0, 0, 1)), 6));
    }

    [Fact]
    public void Add_ShakingSensor_MovementIsVectorStandardDeviation()
    {
        // Arrange: x alternates ±0.2 g around 0 → SD 0.2 g.
        var aggregator = new EpochAggregator();
        var epochs = new List<SecondEpoch>();

        // Act
        for (var i = 0; i < 50; i++)
        {
            epochs.AddRange(aggregator.Add(new MotionSample(T0.AddSeconds(i / 50.0), i % 2 == 0 ? 0.2 : -0.2, 0, 1)));
        }

        epochs.AddRange(aggregator.Flush());

        // Assert
        var epoch = Assert.Single(epochs);
        Assert.Equal(0.2, epoch.MovementG!.Value, 3);
    }

    [Fact]
    public void Add_ZeroHeartRate_IsADropOutNotAReading()
    {
        var aggregator = new EpochAggregator();
        var epochs = new List<SecondEpoch>();

        epochs.AddRange(aggregator.Add(new HeartRateSample(T0, 55)));
        epochs.AddRange(aggregator.Add(new HeartRateSample(T0.AddSeconds(1), 0)));
        epochs.AddRange(aggregator.Add(new HeartRateSample(T0.AddSeconds(2), 54, SensorContact.NotDetected)));
        epochs.AddRange(aggregator.Flush());

        // The no-contact second still comes out, empty and marked, so the recorder can tell "not worn" from silence.
        Assert.Equal([(55.0, false), (null, true)], epochs.Select(e => (e.HeartRateBpm, e.ContactLost)));
    }

    [Fact]
    public void Add_HeartRateOnlyOnChange_IsHeldWhileMotionArrives()
    {
        // Arrange: InfiniTime notifies heart rate only when it changes; motion keeps coming.
        var aggregator = new EpochAggregator();
        var epochs = new List<SecondEpoch>();
        epochs.AddRange(aggregator.Add(new HeartRateSample(T0, 51)));

        // Act
        for (var i = 0; i < 100; i++)
        {
            epochs.AddRange(aggregator.Add(new MotionSample(T0.AddSeconds(i / 10.0), 0, 0, 1)));
        }

        epochs.AddRange(aggregator.Flush());

        // Assert
        Assert.Equal(10, epochs.Count);
        Assert.All(epochs, e => Assert.Equal(51, e.HeartRateBpm));
    }

    [Fact]
    public void Add_SampleForClosedSecond_IsCountedLateAndDropped()
    {
        var aggregator = new EpochAggregator();
        aggregator.Add(new HeartRateSample(T0, 50));
        aggregator.Add(new HeartRateSample(T0.AddSeconds(5), 50));

        var closed = aggregator.Add(new MotionSample(T0.AddSeconds(1), 0, 0, 1));

        Assert.Empty(closed);
        Assert.Equal(1, aggregator.LateSamples);
    }

    [Fact]
    public void Add_MotionFrameSlightlyBehindHeartRate_StillLandsInItsSecond()
    {
        // Arrange: a PMD frame for second 0 arrives after the heart rate for second 1.
        var aggregator = new EpochAggregator();
        var epochs = new List<SecondEpoch>();
        epochs.AddRange(aggregator.Add(new HeartRateSample(T0, 50)));
        epochs.AddRange(aggregator.Add(new HeartRateSample(T0.AddSeconds(1), 50)));

        // Act
        epochs.AddRange(aggregator.Add(new MotionSample(T0.AddMilliseconds(500), 0, 0, 1)));
        epochs.AddRange(aggregator.Flush());

        // Assert
        Assert.Equal(0, aggregator.LateSamples);
        Assert.NotNull(epochs[0].MovementG);
    }

    [Fact]
    public void Add_LongGap_EmitsNoEpochsInsideIt()
    {
        var aggregator = new EpochAggregator();
        var epochs = new List<SecondEpoch>();
        epochs.AddRange(aggregator.Add(new HeartRateSample(T0, 50)));

        epochs.AddRange(aggregator.Add(new HeartRateSample(T0.AddHours(1), 52)));
        epochs.AddRange(aggregator.Flush());

        Assert.Equal([T0, T0.AddHours(1)], epochs.Select(e => e.Start));
    }

    [Fact]
    public void Add_ChangeOnlyHeartRateTenSecondsApart_FillsTheSecondsBetween()
    {
        // InfiniTime without motion: 52 bpm, then 53 bpm ten seconds later.
        var aggregator = new EpochAggregator();
        var epochs = new List<SecondEpoch>();

        epochs.AddRange(aggregator.Add(new HeartRateSample(T0, 52)));
        epochs.AddRange(aggregator.Add(new HeartRateSample(T0.AddSeconds(10), 53)));
        epochs.AddRange(aggregator.Flush());

        Assert.Equal(11, epochs.Count);
        Assert.Equal(Enumerable.Repeat(52.0, 10).Append(53.0), epochs.Select(e => e.HeartRateBpm!.Value));
    }
}
