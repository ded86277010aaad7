using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NightLeg.Domain.Cramps;
using NightLeg.Domain.Detection;
using NightLeg.Domain.Nights;
using NightLeg.Domain.Samples;
using NightLeg.Domain.Storage;
using NightLeg.Sync.Ble.Simulated;
using NightLeg.Sync.Devices;
using NightLeg.Sync.Live;
using NightLeg.Sync.Replay;
using NightLeg.Sync.Simulation;
using NightLeg.Sync.Storage;
using NightLeg.Tests.Fakes;
using NightLeg.Tests.Support;

namespace NightLeg.Tests.Sync.Live;

/// <summary>
/// The night sync service, with its shipped timings, against the simulated wearable, storing into a real
/// LiteDB file — on a fake clock that <see cref="SteppedNight"/> moves a second at a time once the wearable
/// and the session have caught up, so that the night is the same however busy the machine.
/// </summary>
public sealed class NightSyncServiceTests : IDisposable
{
    private static readonly NightCalendar Oslo = NightCalendar.ForZone("Europe/Oslo");
    private readonly string _dir = Directory.CreateTempSubdirectory("nightleg-sync-").FullName;

    [Fact]
    public async Task Night_WithThreeLinkLosses_StoresEverythingOutsideThemRecordsGapsAndPublishesEachAwakeningOnce()
    {
        // Arrange: outages placed away from the cramp awakenings.
        var options = Night(DeviceFamilies.Default.Simulate("polar-h10"), cramps: 1);
        var truth = new NightSimulator(options).Truth;
        var outages = PickOutages(truth, count: 3, length: TimeSpan.FromMinutes(2));
        var faults = new FaultPlan(outages, [], TimeSpan.Zero, 0);

        // Act
        var run = await RunNightAsync(options, faults);

        // Assert: every outage is one recorded link-loss gap that covers it and ends soon after.
        var gaps = run.Night.Gaps.Where(g => g.Reason == GapReason.LinkLost).ToList();
        Assert.Equal(3, gaps.Count);
        foreach (var (outage, gap) in outages.Zip(gaps))
        {
            var start = options.Start + outage.At;
            Assert.InRange((gap.Start - start).TotalSeconds, -5, 1);
            // The back-off grows while the wearable is away: the next try comes at most its cap after the wearable is back.
            Assert.InRange((gap.End - (start + outage.Duration)).TotalSeconds, 0, (Shipped.BackoffCap + (2 * SteppedNight.Step)).TotalSeconds);
        }

        // Every second the fault-free night has, outside the gaps, is stored.
        var reference = ReferenceSeconds(options);
        var stored = run.Seconds.Select(e => e.Start).ToHashSet();
        var connectedFrom = stored.Min(); // the night starts when the wearable is connected
        var missing = reference.Where(t => t > connectedFrom && !stored.Contains(t) && !gaps.Any(g => t >= g.Start.AddSeconds(-3) && t <= g.End.AddSeconds(3))).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} seconds missing outside gaps, first {missing.FirstOrDefault():O}");

        // Each cramp awakening was published exactly once, and what was published is what was stored.
        foreach (var cramp in truth.CrampAwakenings)
        {
            Assert.Single(run.Published, e => e.At >= cramp.Onset.AddSeconds(-30) && e.At <= cramp.End);
        }

        Assert.Equal(run.Published.Select(e => e.Id).Order(), run.Stored.Select(e => e.Id).Order());
        Assert.Equal(4, run.Connections);
    }

    [Fact]
    public async Task Night_NotificationsStopWithoutDisconnect_WatchdogReconnectsAndRecordsAGap()
    {
        var options = Night(DeviceFamilies.Default.Simulate("infinitime"), cramps: 0);
        var silence = new FaultWindow(TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(10));

        var run = await RunNightAsync(options, new FaultPlan([], [silence], TimeSpan.Zero, 0));

        var gap = Assert.Single(run.Night.Gaps, g => g.Reason == GapReason.LinkLost);
        Assert.InRange((gap.Start - (options.Start + silence.At)).TotalSeconds, -5, 1);
        Assert.True(gap.End >= options.Start + silence.At + silence.Duration);
        Assert.True(run.Connections >= 2);

        // The watchdog looks four times per period: it lets go of the silent link within 1¼ periods of the last heart rate.
        var silent = options.Start + silence.At;
        var letGo = run.Transitions.First(t => t.State == ConnectionState.Reconnecting && t.At > silent).At;
        Assert.InRange((letGo - silent).TotalSeconds, Shipped.Watchdog.TotalSeconds, (Shipped.Watchdog * 1.25).TotalSeconds + SteppedNight.Step.TotalSeconds + 1);
    }

    [Fact]
    public async Task Connect_FailsTwiceAndServicesResolveLate_StillRecordsTheNight()
    {
        var options = Night(DeviceFamilies.Default.Simulate("hr-strap"), cramps: 0) with { Hours = 0.5 };
        var late = TimeSpan.FromSeconds(20);

        var run = await RunNightAsync(options, new FaultPlan([], [], late, ConnectFailures: 2));

        Assert.Equal(1, run.Connections);
        Assert.True(run.Seconds[0].Start >= options.Start + late, "no data before the services resolved");
        Assert.True(run.Seconds[0].Start <= options.Start + late + TimeSpan.FromSeconds(5), $"first second {run.Seconds[0].Start:O}: the two failed tries' back-off (½–1 s, 1–2 s) and the late services delay it, nothing else");
        // Of its 1,780 seconds from then on: a strap's night has contact losses of up to a minute.
        Assert.True(run.Seconds.Count > 1600, $"{run.Seconds.Count} seconds stored, {run.Seconds.FirstOrDefault().Start:O} to {run.Seconds.LastOrDefault().Start:O}, gaps {string.Join("; ", run.Night.Gaps)}");
    }

    [Fact]
    public async Task Night_PolarH10RefusesAcc_RecordsEveryHeartRateSecondAndSaysMovementIsUnavailable()
    {
        // Arrange: an H10 that answers every ACC start with "device in charger".
        var options = Night(DeviceFamilies.Default.Simulate("polar-h10"), cramps: 0) with { Hours = 0.5 };

        // Act
        var run = await RunNightAsync(options, FaultPlan.None with { AccStartStatus = 13 });

        // Assert: heart rate every second, no movement, and the reason said.
        Assert.True(run.Seconds.Count > 1650, $"{run.Seconds.Count} seconds stored"); // a strap's night has a contact loss of up to a minute
        Assert.All(run.Seconds, e => Assert.Null(e.MovementG));
        Assert.True(run.Seconds.Count(e => e.HeartRateBpm is not null) > 1600);
        Assert.Contains("device in charger", run.Recording!.Movement!.Unavailable!.ToString());
        Assert.Equal(1, run.Connections); // never reconnects for the sake of movement
    }

    [Fact]
    public async Task Night_PolarH10_StreamsAccAtTwentyFiveHertz()
    {
        var options = Night(DeviceFamilies.Default.Simulate("polar-h10"), cramps: 0) with { Hours = 0.25 };

        var run = await RunNightAsync(options, FaultPlan.None);

        Assert.Equal("ACC 25 Hz, ±2 G, 16 bit", run.Recording!.Movement!.Stream);
        Assert.True(run.Seconds.Count(e => e.MovementG is not null) > 850);
    }

    /// <summary>A short night of <paramref name="device"/> through the sync service over <paramref name="families"/>: what was recorded.</summary>
    public static async Task<(string? Movement, int SecondsWithHeartRate, int SecondsWithMovement)> RunWithFamiliesAsync(SimulatedWearable device, DeviceFamilies families)
    {
        var tests = new NightSyncServiceTests();
        try
        {
            var run = await tests.RunNightAsync(Night(device, cramps: 0) with { Hours = 0.15 }, FaultPlan.None, families: families);
            return (run.Recording?.Movement?.Stream, run.Seconds.Count(e => e.HeartRateBpm is not null), run.Seconds.Count(e => e.MovementG is not null));
        }
        finally
        {
            tests.Dispose();
        }
    }

    [Fact]
    public async Task PairedStrap_NoBluetoothOnThisMachine_SaysSoAndKeepsRunning()
    {
        // Arrange: BlueZ's bus does not exist here.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 22, 0, 0, TimeSpan.Zero));
        using var database = NightLegDatabase.Open(new DatabaseOptions(Path.Combine(_dir, "nobt.db")), time);
        var devices = new LiteDbDeviceRepository(database);
        devices.SavePaired(new PairedDevice("AA:BB:CC:DD:EE:FF", "HRM-Pro", "heart-rate", DateTimeOffset.UnixEpoch));
        var session = new NightSessionBuilder(time).On(database).Build();
        await using var bluez = new NightLeg.Sync.Ble.BlueZ.BlueZAdapter("unix:path=/nonexistent/system_bus_socket", time);
        var service = new NightSyncService(bluez, devices, session, time, Shipped, NullLogger<NightSyncService>.Instance);

        var noBluetooth = 0;
        session.StatusChanged += status =>
        {
            if (status.Connection == ConnectionState.NoBluetooth)
            {
                Interlocked.Increment(ref noBluetooth);
            }
        };

        // Act: three tries, each finding no Bluetooth; between them the clock moves on past the back-off.
        await service.StartAsync(CancellationToken.None);
        await Eventually.AssertAsync(() => Volatile.Read(ref noBluetooth) >= 3 || Move(time, Shipped.BackoffCap), "three tries");

        // Assert
        Assert.Equal(ConnectionState.NoBluetooth, session.Status.Connection);
        Assert.False(service.ExecuteTask!.IsCompleted, "the service must keep trying, not stop the host");
        await service.StopAsync(CancellationToken.None);
        await session.DisposeAsync();
    }

    [Fact]
    public void Backoff_GrowsExponentiallyWithJitterUpToTheCap()
    {
        var sync = new SyncOptions { BackoffBase = TimeSpan.FromSeconds(1), BackoffCap = TimeSpan.FromSeconds(60) };
        var random = new Random(1);

        var delays = Enumerable.Range(0, 12).Select(a => sync.Backoff(a, random).TotalSeconds).ToList();

        for (var a = 0; a < delays.Count; a++)
        {
            var full = Math.Min(60, Math.Pow(2, a));
            Assert.InRange(delays[a], full / 2, full);
        }

        Assert.NotEqual(delays[10], delays[11]); // jitter: attempts at the cap differ
    }

    internal static SimulationOptions Night(SimulatedWearable device, int cramps) =>
        new(5, device, cramps, HypnogramLibrary.Get("8173033"), new DateTimeOffset(2026, 3, 10, 22, 0, 0, TimeSpan.Zero), "Europe/Oslo", 1.6);

    private static List<FaultWindow> PickOutages(GroundTruth truth, int count, TimeSpan length)
    {
        var result = new List<FaultWindow>();
        for (var at = TimeSpan.FromMinutes(20); result.Count < count; at += TimeSpan.FromMinutes(17))
        {
            var window = new FaultWindow(at, length);
            if (!truth.CrampAwakenings.Any(c => truth.Start + at < c.End.AddMinutes(2) && c.Onset.AddMinutes(-12) < truth.Start + at + length))
            {
                result.Add(window);
            }
        }

        return result;
    }

    private static HashSet<DateTimeOffset> ReferenceSeconds(SimulationOptions options)
    {
        var seconds = new HashSet<DateTimeOffset>();
        CaptureReplay.Run(new NightSimulator(options).Notifications(), Oslo, Sensitivity.Normal, r => r.EpochCompleted += e => seconds.Add(e.Start));
        return seconds;
    }

    /// <summary>The sync service's timings as shipped.</summary>
    private static SyncOptions Shipped { get; } = new();

    /// <summary>Moves the clock on; false, so that a wait polling a condition moves it on each time it looks.</summary>
    private static bool Move(FakeTimeProvider time, TimeSpan by)
    {
        time.Advance(by);
        return false;
    }

    private async Task<NightRun> RunNightAsync(SimulationOptions options, FaultPlan faults, DeviceFamilies? families = null)
    {
        var time = new FakeTimeProvider(options.Start);
        using var database = NightLegDatabase.Open(new DatabaseOptions(Path.Combine(_dir, $"{Guid.NewGuid():N}.db")), time);
        var devices = new LiteDbDeviceRepository(database);
        devices.SavePaired(new PairedDevice(SimulatedWearableAdapter.DeviceId, "demo", "polar-h10", options.Start, IsDemo: true));
        var builder = new NightSessionBuilder(time).On(database).With(Shipped);
        if (families is not null)
        {
            builder.With(families);
        }

        var session = builder.Build();
        var published = new List<CrampEvent>();
        session.AwakeningRecorded += published.Add;
        await using var adapter = new SimulatedWearableAdapter(options, time, speed: 1, faults);
        var service = new NightSyncService(adapter, devices, session, time, Shipped, NullLogger<NightSyncService>.Instance, families);
        LiveStatus? recording = null;
        var transitions = new List<(DateTimeOffset At, ConnectionState State)>();
        session.StatusChanged += status =>
        {
            if (transitions.Count == 0 || transitions[^1].State != status.Connection)
            {
                transitions.Add((time.GetUtcNow(), status.Connection));
            }

            if (status.Connection == ConnectionState.Recording)
            {
                recording = status;
            }
        };

        await service.StartAsync(CancellationToken.None);
        await SteppedNight.PlayAsync(time, adapter, session, TimeSpan.FromHours(options.Hours!.Value + 1));

        await session.FlushAsync(); // everything the wearable sent is handled and stored
        await service.StopAsync(CancellationToken.None);
        await session.DisposeAsync();

        var id = Oslo.NightOf(options.Start);
        var night = builder.Nights.Get(id) ?? throw new InvalidOperationException("night not stored");
        return new NightRun(night, builder.Epochs.Read(options.Start, options.Start.AddHours(options.Hours!.Value + 1)), published, builder.Events.ForNight(id), service.Connections, recording, transitions);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private sealed record NightRun(Night Night, IReadOnlyList<SecondEpoch> Seconds, List<CrampEvent> Published, IReadOnlyList<CrampEvent> Stored, int Connections, LiveStatus? Recording,
        List<(DateTimeOffset At, ConnectionState State)> Transitions);
}
