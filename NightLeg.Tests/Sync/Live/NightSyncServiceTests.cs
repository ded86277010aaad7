using Microsoft.Extensions.Logging.Abstractions;
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
/// The night sync service against the simulated wearable on the real clock at 1,200× (a 1.6-hour
/// night in about five seconds), storing into a real LiteDB file.
/// </summary>
[Collection(NightLeg.Tests.Support.RealTimeCollection.Name)]
public sealed class NightSyncServiceTests : IDisposable
{
    private const double Speed = 1200;
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
            // Reconnecting (backoff, connect, services, subscribe, PMD start) takes from a few to several
            // hundred real milliseconds on a loaded machine, and the night runs at 1200×: allow 2 real seconds.
            Assert.InRange((gap.End - (start + outage.Duration)).TotalSeconds, 0, Speed * 2);
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
        var silence = new FaultWindow(TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(50)); // 2.5 s of wall time

        var run = await RunNightAsync(options, new FaultPlan([], [silence], TimeSpan.Zero, 0), watchdog: TimeSpan.FromSeconds(1));

        var gap = Assert.Single(run.Night.Gaps, g => g.Reason == GapReason.LinkLost);
        Assert.InRange((gap.Start - (options.Start + silence.At)).TotalSeconds, -5, 1);
        Assert.True(gap.End >= options.Start + silence.At + silence.Duration);
        Assert.True(run.Connections >= 2);
    }

    [Fact]
    public async Task Connect_FailsTwiceAndServicesResolveLate_StillRecordsTheNight()
    {
        // At 200×, so that start-up (JIT, first database writes) costs little night time.
        var options = Night(DeviceFamilies.Default.Simulate("hr-strap"), cramps: 0) with { Hours = 0.5 };

        var run = await RunNightAsync(options, new FaultPlan([], [], TimeSpan.FromMilliseconds(200), ConnectFailures: 2), speed: 200);

        Assert.Equal(1, run.Connections);
        Assert.True(run.Seconds[0].Start >= options.Start.AddSeconds(40), "no data before the services resolved (200 ms = 40 s of night)");
        Assert.True(run.Seconds.Count > 1000, $"{run.Seconds.Count} seconds stored, {run.Seconds.FirstOrDefault().Start:O} to {run.Seconds.LastOrDefault().Start:O}, gaps {string.Join("; ", run.Night.Gaps)}");
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
        using var database = NightLegDatabase.Open(new DatabaseOptions(Path.Combine(_dir, "nobt.db")), TimeProvider.System);
        var devices = new LiteDbDeviceRepository(database);
        devices.SavePaired(new PairedDevice("AA:BB:CC:DD:EE:FF", "HRM-Pro", "heart-rate", DateTimeOffset.UnixEpoch));
        var sync = new SyncOptions { BackoffBase = TimeSpan.FromMilliseconds(20), BackoffCap = TimeSpan.FromMilliseconds(50) };
        var session = new NightSessionBuilder(TimeProvider.System).On(database).With(sync).Build();
        await using var bluez = new NightLeg.Sync.Ble.BlueZ.BlueZAdapter("unix:path=/nonexistent/system_bus_socket", TimeProvider.System);
        var service = new NightSyncService(bluez, devices, session, TimeProvider.System, sync, NullLogger<NightSyncService>.Instance);

        var noBluetooth = 0;
        session.StatusChanged += status =>
        {
            if (status.Connection == ConnectionState.NoBluetooth)
            {
                Interlocked.Increment(ref noBluetooth);
            }
        };

        // Act: three tries, each finding no Bluetooth.
        await service.StartAsync(CancellationToken.None);
        await Eventually.AssertAsync(() => Volatile.Read(ref noBluetooth) >= 3, "three tries");

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

    private async Task<NightRun> RunNightAsync(SimulationOptions options, FaultPlan faults, double speed = Speed, TimeSpan? watchdog = null, DeviceFamilies? families = null)
    {
        using var database = NightLegDatabase.Open(new DatabaseOptions(Path.Combine(_dir, $"{Guid.NewGuid():N}.db")), TimeProvider.System);
        var nights = new LiteDbNightRepository(database);
        var epochs = new LiteDbEpochRepository(database);
        var events = new LiteDbCrampEventRepository(database);
        var devices = new LiteDbDeviceRepository(database);
        devices.SavePaired(new PairedDevice(SimulatedWearableAdapter.DeviceId, "demo", "polar-h10", options.Start, IsDemo: true));
        var sync = new SyncOptions
        {
            Watchdog = watchdog ?? TimeSpan.FromSeconds(2),
            BackoffBase = TimeSpan.FromMilliseconds(10),
            BackoffCap = TimeSpan.FromMilliseconds(40),
            ConnectTimeout = TimeSpan.FromSeconds(5),
            BatchSeconds = 1,
        };
        var session = new NightSession(Oslo, DetectorThresholds.Normal, nights, epochs, new CrampJournal(events, nights, Oslo, TimeProvider.System), sync, null,
            NullLogger<NightSession>.Instance, TimeProvider.System, families: families);
        var published = new List<CrampEvent>();
        session.AwakeningRecorded += published.Add;
        await using var adapter = new SimulatedWearableAdapter(options, TimeProvider.System, speed, faults);
        var service = new NightSyncService(adapter, devices, session, TimeProvider.System, sync, NullLogger<NightSyncService>.Instance, families);
        LiveStatus? recording = null;
        session.StatusChanged += status =>
        {
            if (status.Connection == ConnectionState.Recording)
            {
                recording = status;
            }
        };

        await service.StartAsync(CancellationToken.None);
        await Eventually.HoldsAsync(() => adapter.Finished, TimeSpan.FromSeconds(60));

        await session.FlushAsync().WaitAsync(TimeSpan.FromSeconds(30)); // everything the wearable sent is handled and stored
        await service.StopAsync(CancellationToken.None);
        await session.DisposeAsync();
        Assert.True(adapter.Finished, "the simulated night did not finish in time");

        var id = Oslo.NightOf(options.Start);
        var night = nights.Get(id) ?? throw new InvalidOperationException("night not stored");
        return new NightRun(night, epochs.Read(options.Start, options.Start.AddHours(options.Hours!.Value + 1)), published, events.ForNight(id), service.Connections, recording);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private sealed record NightRun(Night Night, IReadOnlyList<SecondEpoch> Seconds, List<CrampEvent> Published, IReadOnlyList<CrampEvent> Stored, int Connections, LiveStatus? Recording);
}
