using Microsoft.Extensions.Logging.Abstractions;
using NightLeg.Domain.Cramps;
using NightLeg.Domain.Detection;
using NightLeg.Domain.Nights;
using NightLeg.Domain.Samples;
using NightLeg.Domain.Storage;
using NightLeg.Sync.Ble.BlueZ;
using NightLeg.Sync.Gatt.HeartRate;
using NightLeg.Sync.Live;
using NightLeg.Sync.Storage;
using NightLeg.Tests.Fakes;
using NightLeg.Tests.Support;

namespace NightLeg.Tests.Sync.Live;

/// <summary>The whole live path on Linux: sync service → BlueZ adapter → D-Bus → fake org.bluez, into a LiteDB file.</summary>
[Collection(RealTimeCollection.Name)]
public sealed class BlueZNightSyncTests : IAsyncLifetime
{
    private static readonly NightCalendar Oslo = NightCalendar.ForZone("Europe/Oslo");
    private readonly string _dir = Directory.CreateTempSubdirectory("nightleg-bluez-").FullName;
    private PrivateDbusDaemon _bus = null!;
    private FakeBlueZ _bluez = null!;

    public async Task InitializeAsync()
    {
        _bus = PrivateDbusDaemon.Start();
        _bluez = await FakeBlueZ.StartAsync(_bus.Address);
        _bluez.ExportDevice();
    }

    public Task DisposeAsync()
    {
        _bluez.Dispose();
        _bus.Dispose();
        Directory.Delete(_dir, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Strap_LinkLostAndBack_EveryNotificationOnceSubscribedOncePerConnectionGapRecorded()
    {
        // Arrange
        using var database = NightLegDatabase.Open(new DatabaseOptions(Path.Combine(_dir, "nightleg.db")), TimeProvider.System);
        var nights = new LiteDbNightRepository(database);
        var epochs = new LiteDbEpochRepository(database);
        var devices = new LiteDbDeviceRepository(database);
        devices.SavePaired(new PairedDevice(FakeBlueZ.DeviceAddress, "HRM-Pro", "heart-rate", DateTimeOffset.UtcNow));
        var sync = new SyncOptions { BackoffBase = TimeSpan.FromMilliseconds(100), BackoffCap = TimeSpan.FromMilliseconds(200), Watchdog = TimeSpan.FromSeconds(10), BatchSeconds = 1 };
        var session = new NightSession(Oslo, DetectorThresholds.Normal, nights, epochs, new CrampJournal(new LiteDbCrampEventRepository(database), nights, Oslo, TimeProvider.System),
            sync, null, NullLogger<NightSession>.Instance, TimeProvider.System);
        await using var adapter = new BlueZAdapter(_bus.Address, TimeProvider.System, new BlueZOptions { CallTimeout = TimeSpan.FromSeconds(3) });
        var service = new NightSyncService(adapter, devices, session, TimeProvider.System, sync, NullLogger<NightSyncService>.Instance);

        // Act: three seconds of heart rate, the link drops, it comes back, three more seconds.
        await service.StartAsync(CancellationToken.None);
        await WaitFor(() => session.Status.Connection == ConnectionState.Recording && _bluez.Notifying);
        var sent = await StreamAsync(TimeSpan.FromSeconds(3), 60);
        _bluez.LoseLink();
        await WaitFor(() => session.Status.Connection == ConnectionState.Reconnecting);
        await WaitFor(() => session.Status.Connection == ConnectionState.Recording && _bluez.Notifying);
        sent += await StreamAsync(TimeSpan.FromSeconds(3), 62);
        await WaitFor(() => session.Received == sent); // the last signals are in flight on the bus
        await session.FlushAsync();
        await service.StopAsync(CancellationToken.None);
        await session.DisposeAsync();

        // Assert
        Assert.Equal(sent, session.Received); // every notification sent while connected arrived, once
        var night = nights.List(DateOnly.MinValue, DateOnly.MaxValue).Single();
        var gap = Assert.Single(night.Gaps, g => g.Reason == GapReason.LinkLost);
        Assert.True(gap.Duration > TimeSpan.Zero);
        Assert.Equal(4, _bluez.StartNotifyCalls); // heart rate + battery, once per connection
        Assert.Equal(2, service.Connections);
        var seconds = epochs.Read(night.RecordingStart, night.RecordingEnd.AddSeconds(1));
        Assert.InRange(seconds.Count, 5, 9);
        Assert.Contains(seconds, s => s.HeartRateBpm is >= 59 and <= 63);
    }

    [Fact]
    public async Task NightOfBlueZFailures_TransientAbortsAndAStuckAdapterAroundLinkLosses_EveryNotificationOutsideOutagesStoredOnce()
    {
        // Arrange
        var (session, service, database, log) = Start();
        using var _ = database;

        // Act: stream; lose the link and make the reconnect abort twice; stream; lose it again with
        // the adapter answering InProgress three times (it is switched off and on); stream.
        await service.StartAsync(CancellationToken.None);
        await WaitFor(() => session.Status.Connection == ConnectionState.Recording && _bluez.Notifying);
        var sent = await StreamAsync(TimeSpan.FromSeconds(2), 60);
        _bluez.ConnectErrors.Enqueue("org.bluez.Error.Failed: le-connection-abort-by-local");
        _bluez.ConnectErrors.Enqueue("org.bluez.Error.Failed: Software caused connection abort");
        _bluez.LoseLink();
        await WaitFor(() => session.Status.Connection == ConnectionState.Reconnecting);
        await WaitFor(() => session.Status.Connection == ConnectionState.Recording && _bluez.Notifying);
        sent += await StreamAsync(TimeSpan.FromSeconds(2), 62);
        for (var i = 0; i < 3; i++)
        {
            _bluez.ConnectErrors.Enqueue("org.bluez.Error.InProgress: Operation already in progress");
        }

        _bluez.LoseLink();
        await WaitFor(() => session.Status.Connection == ConnectionState.Reconnecting);
        await WaitFor(() => session.Status.Connection == ConnectionState.Recording && _bluez.Notifying);
        sent += await StreamAsync(TimeSpan.FromSeconds(2), 64);
        await WaitFor(() => session.Received == sent);
        await session.FlushAsync();
        await service.StopAsync(CancellationToken.None);
        await session.DisposeAsync();

        // Assert: nothing lost while connected, nothing doubled, one subscription pair per connection.
        Assert.Equal(sent, session.Received);
        Assert.Equal(3, service.Connections);
        Assert.Equal(6, _bluez.StartNotifyCalls);
        Assert.Equal([true, false, true], _bluez.PoweredHistory);
        var nights = new LiteDbNightRepository(database);
        var night = nights.List(DateOnly.MinValue, DateOnly.MaxValue).Single();
        // A reconnect within the same second leaves no gap; any that is recorded is short.
        Assert.All(night.Gaps, g => Assert.True(g.Reason == GapReason.LinkLost && g.Duration < TimeSpan.FromSeconds(10), $"{g.Reason} {g.Duration}"));
        Assert.Contains(new LiteDbEpochRepository(database).Read(night.RecordingStart, night.RecordingEnd.AddSeconds(1)), e => e.HeartRateBpm is >= 63 and <= 65);
    }

    [Fact]
    public async Task StaleServiceCache_ForgottenAndFoundAgainOnce_ThenRecords()
    {
        // Arrange: after a firmware update BlueZ still serves the strap's old services.
        _bluez.StaleCache = true;
        var (session, service, database, log) = Start();
        using var _ = database;

        // Act
        await service.StartAsync(CancellationToken.None);
        await WaitFor(() => session.Status.Connection == ConnectionState.Recording && _bluez.Notifying);
        var sent = await StreamAsync(TimeSpan.FromSeconds(1), 58);
        await WaitFor(() => session.Received == sent);
        await session.FlushAsync();
        await service.StopAsync(CancellationToken.None);
        await session.DisposeAsync();

        // Assert
        Assert.Equal(1, _bluez.RemoveDeviceCalls);
        Assert.Equal(1, log.Count("look stale"));
        Assert.Equal(sent, session.Received);
    }

    [Fact]
    public async Task StaleServiceCache_StillMissingAfterRediscovery_ReportedOnceWithWhatToDo()
    {
        // Arrange: the strap's services really changed: the characteristic stays missing.
        _bluez.StaleCache = true;
        _bluez.StaleCacheSticky = true;
        var (session, service, database, log) = Start();
        using var _ = database;

        // Act: let it try several times.
        await service.StartAsync(CancellationToken.None);
        await WaitFor(() => _bluez.ConnectCalls >= 5);
        await service.StopAsync(CancellationToken.None);
        await session.DisposeAsync();

        // Assert: removed and found again once; then told once what to do, however often it retries.
        Assert.Equal(1, _bluez.RemoveDeviceCalls);
        Assert.Equal(1, log.Count("even after finding it again"));
        Assert.Contains("pair it again", log.Lines.Single(l => l.Message.Contains("even after finding it again", StringComparison.Ordinal)).Message);
    }

    [Fact]
    public async Task ForgottenStrap_ReconnectedByBlueZItself_IsNotUsed()
    {
        // Arrange: the user forgot the strap in NightLeg; BlueZ, remembering it, reconnects it.
        var (session, service, database, _) = Start(paired: false);
        using var _ = database;
        await service.StartAsync(CancellationToken.None);
        await WaitFor(() => session.Status.Connection == ConnectionState.NoDevice);

        // Act
        _bluez.ReconnectByItself();
        await StreamAsync(TimeSpan.FromSeconds(1), 60);
        await service.StopAsync(CancellationToken.None);
        await session.DisposeAsync();

        // Assert: never subscribed to, nothing recorded.
        Assert.Equal(0, _bluez.StartNotifyCalls);
        Assert.Equal(0, session.Received);
        Assert.Equal(ConnectionState.NoDevice, session.Status.Connection);
    }

    private (NightSession Session, NightSyncService Service, NightLegDatabase Database, ListLogger<NightSyncService> Log) Start(bool paired = true)
    {
        var database = NightLegDatabase.Open(new DatabaseOptions(Path.Combine(_dir, $"{Guid.NewGuid():N}.db")), TimeProvider.System);
        var nights = new LiteDbNightRepository(database);
        var devices = new LiteDbDeviceRepository(database);
        if (paired)
        {
            devices.SavePaired(new PairedDevice(FakeBlueZ.DeviceAddress, "HRM-Pro", "heart-rate", DateTimeOffset.UtcNow));
        }

        var sync = new SyncOptions
        {
            BackoffBase = TimeSpan.FromMilliseconds(100), BackoffCap = TimeSpan.FromMilliseconds(200), Watchdog = TimeSpan.FromSeconds(10), BatchSeconds = 1,
            IdlePoll = TimeSpan.FromMilliseconds(100),
        };
        var session = new NightSessionBuilder(TimeProvider.System).On(database).With(sync).Build();
        var adapter = new BlueZAdapter(_bus.Address, TimeProvider.System, new BlueZOptions
        {
            CallTimeout = TimeSpan.FromSeconds(3), ServicesTimeout = TimeSpan.FromSeconds(3), QuickRetryDelay = TimeSpan.FromMilliseconds(50), RediscoverTimeout = TimeSpan.FromSeconds(3),
        });
        var log = new ListLogger<NightSyncService>();
        return (session, new NightSyncService(adapter, devices, session, TimeProvider.System, sync, log), database, log);
    }

    /// <summary>Notifies every 20 ms for <paramref name="duration"/>; returns how many it sent.</summary>
    private async Task<int> StreamAsync(TimeSpan duration, int bpm)
    {
        var end = DateTime.UtcNow + duration;
        var sent = 0;
        while (DateTime.UtcNow < end)
        {
            _bluez.Notify(HeartRateMeasurementEncoder.Encode(bpm, SensorContact.Detected, null, [HeartRateMeasurementEncoder.RrRawFromMs(60000.0 / bpm)]));
            sent++;
            // Real time: a strap's stream into a real dbus-daemon, at a wearable's pace (the service's watchdog and gaps read the wall clock).
            await Task.Delay(20);
        }

        return sent;
    }

    private static Task WaitFor(Func<bool> condition) => Eventually.AssertAsync(condition, "the night sync service");
}
