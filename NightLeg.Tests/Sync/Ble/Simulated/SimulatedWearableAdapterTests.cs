using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using NightLeg.Sync.Ble;
using NightLeg.Sync.Ble.Simulated;
using NightLeg.Sync.Devices;
using NightLeg.Sync.Gatt;
using NightLeg.Sync.Simulation;

namespace NightLeg.Tests.Sync.Ble.Simulated;

/// <summary>The demo wearable on a fake clock: it plays the night at its speed, loses the link when told, and only streams what was started.</summary>
public sealed class SimulatedWearableAdapterTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 10, 22, 0, 0, TimeSpan.Zero);

    /// <summary>How long, in real time, the playback may take to catch up before the test fails rather than hangs.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(1, 60)]
    [InlineData(10, 6)]
    public async Task AMinuteOfTheNight_ArrivesAfterAMinuteDividedByTheSpeed(double speed, int wallSeconds)
    {
        // Arrange
        var time = new FakeTimeProvider(Start);
        await using var wearable = new SimulatedWearableAdapter(Night(), time, speed);
        var (connection, received) = await SubscribeAsync(wearable);

        // Act
        time.Advance(TimeSpan.FromSeconds(wallSeconds));
        await wearable.CaughtUpAsync(CancellationToken.None).WaitAsync(Guard);

        // Assert: once caught up, a heart rate a second, none from the future, none of the accelerometer (not started).
        Assert.Equal(Start.AddMinutes(1), wearable.NightNow);
        Assert.InRange(received.Count, 59, 61);
        Assert.All(received, n => Assert.True(n.ReceivedAt <= Start.AddMinutes(1), $"{n.ReceivedAt:O} arrived early"));
        Assert.All(received, n => Assert.Equal(GattUuids.HeartRateMeasurement, n.Characteristic));
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task ALinkLoss_DropsTheConnection_AndRefusesOneUntilItEnds()
    {
        // Arrange: out of reach from 30 s to 90 s into the night.
        var time = new FakeTimeProvider(Start);
        await using var wearable = new SimulatedWearableAdapter(Night(), time, 1, new FaultPlan([new FaultWindow(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1))], [], TimeSpan.Zero, 0));
        var (connection, received) = await SubscribeAsync(wearable);

        // Act 1: into the loss.
        time.Advance(TimeSpan.FromSeconds(40));
        var lost = await connection.Disconnected.WaitAsync(TimeSpan.FromSeconds(10));
        var refused = await Assert.ThrowsAsync<BleException>(() => wearable.ConnectAsync(SimulatedWearableAdapter.DeviceId, CancellationToken.None));

        // Act 2: past it (once the playback has caught up with the clock).
        time.Advance(TimeSpan.FromSeconds(60));
        await wearable.CaughtUpAsync(CancellationToken.None).WaitAsync(Guard);
        Assert.True(wearable.Played >= Start.AddSeconds(99), $"caught up, yet played only to {wearable.Played:O}");
        var (again, afterwards) = await SubscribeAsync(wearable);
        time.Advance(TimeSpan.FromSeconds(5));
        await wearable.CaughtUpAsync(CancellationToken.None).WaitAsync(Guard);

        // Assert
        Assert.False(lost.Intended);
        Assert.Contains("out of range", lost.Reason);
        Assert.Contains("out of range", refused.Message);
        Assert.All(received, n => Assert.True(n.ReceivedAt < Start.AddSeconds(30)));
        Assert.NotEmpty(afterwards);
        Assert.All(afterwards, n => Assert.True(n.ReceivedAt >= Start.AddSeconds(90)));
        await again.DisposeAsync();
    }

    private static SimulationOptions Night() =>
        SimulationOptions.ForSeed(4, DeviceFamilies.Default.Simulate("polar-h10"), 0) with { Start = Start, Hours = 0.25 };

    private static async Task<(IBleConnection Connection, ConcurrentQueue<GattNotification> Received)> SubscribeAsync(SimulatedWearableAdapter wearable)
    {
        var connection = await wearable.ConnectAsync(SimulatedWearableAdapter.DeviceId, CancellationToken.None);
        var heartRate = await connection.GetCharacteristicAsync(GattUuids.HeartRateService, GattUuids.HeartRateMeasurement, CancellationToken.None);
        var received = new ConcurrentQueue<GattNotification>();
        await heartRate.SubscribeAsync(received.Enqueue, CancellationToken.None);
        return (connection, received);
    }
}
