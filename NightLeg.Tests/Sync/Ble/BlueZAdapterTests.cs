using NightLeg.Sync.Ble;
using NightLeg.Sync.Ble.BlueZ;
using NightLeg.Sync.Gatt;
using NightLeg.Tests.Fakes;
using NightLeg.Tests.Support;

namespace NightLeg.Tests.Sync.Ble;

/// <summary>The BlueZ adapter against a fake org.bluez served on a private, real dbus-daemon.</summary>
public sealed class BlueZAdapterTests : IAsyncLifetime
{
    private PrivateDbusDaemon _bus = null!;
    private FakeBlueZ _bluez = null!;
    private BlueZAdapter _adapter = null!;

    public async Task InitializeAsync()
    {
        _bus = PrivateDbusDaemon.Start();
        _bluez = await FakeBlueZ.StartAsync(_bus.Address);
        _adapter = new BlueZAdapter(_bus.Address, TimeProvider.System, new BlueZOptions { CallTimeout = TimeSpan.FromSeconds(2), ServicesTimeout = TimeSpan.FromSeconds(5) });
    }

    public async Task DisposeAsync()
    {
        await _adapter.DisposeAsync();
        _bluez.Dispose();
        _bus.Dispose();
    }

    [Fact]
    public async Task GetStateAndScan_PowersTheAdapterAndFindsTheStrapWithAnLeFilter()
    {
        // Act
        var state = await _adapter.GetStateAsync(CancellationToken.None);
        var found = await _adapter.ScanAsync([GattUuids.HeartRateService], TimeSpan.FromMilliseconds(300), CancellationToken.None);

        // Assert
        Assert.Equal(BleAdapterState.Ready, state);
        var strap = Assert.Single(found);
        Assert.Equal((FakeBlueZ.DeviceAddress, "HRM-Pro 4711", (int?)-61), (strap.DeviceId, strap.Name, strap.Rssi));
        Assert.Contains(GattUuids.HeartRateService, strap.Services);
        Assert.Equal("le", _bluez.LastDiscoveryFilter!["Transport"].GetString());
        Assert.Equal([GattUuids.HeartRateService.ToString("D")], _bluez.LastDiscoveryFilter["UUIDs"].GetArray<string>());
    }

    [Fact]
    public async Task ConnectNotifyLoseReconnect_NotificationsArriveExactlyOnce()
    {
        // Arrange
        _bluez.ExportDevice();
        var received = new List<byte>();
        void OnNotification(GattNotification n)
        {
            lock (received)
            {
                received.Add(n.Payload.Span[1]);
            }
        }

        // Act 1: connect, subscribe, five notifications.
        var first = await _adapter.ConnectAsync(FakeBlueZ.DeviceAddress, CancellationToken.None);
        var hr = await first.GetCharacteristicAsync(GattUuids.HeartRateService, GattUuids.HeartRateMeasurement, CancellationToken.None);
        var subscription = await hr.SubscribeAsync(OnNotification, CancellationToken.None);
        for (byte i = 1; i <= 5; i++)
        {
            _bluez.Notify([0x06, i]);
        }

        await WaitUntil(() => Count(received) == 5);

        // Act 2: the link drops.
        _bluez.LoseLink();
        var lost = await first.Disconnected.WaitAsync(TimeSpan.FromSeconds(5));
        await subscription.DisposeAsync();
        await first.DisposeAsync();

        // Act 3: reconnect, subscribe again (once), five more.
        var second = await _adapter.ConnectAsync(FakeBlueZ.DeviceAddress, CancellationToken.None);
        var hr2 = await second.GetCharacteristicAsync(GattUuids.HeartRateService, GattUuids.HeartRateMeasurement, CancellationToken.None);
        await using var subscription2 = await hr2.SubscribeAsync(OnNotification, CancellationToken.None);
        for (byte i = 6; i <= 10; i++)
        {
            _bluez.Notify([0x06, i]);
        }

        await WaitUntil(() => Count(received) >= 10);
        // A marker after the ten: the bus keeps order, so a doubled notification would arrive before it.
        _bluez.Notify([0x06, 11]);
        await WaitUntil(() => Count(received) >= 11);

        // Assert
        Assert.False(lost.Intended);
        Assert.Contains("Connected = false", lost.Reason);
        Assert.Equal(Enumerable.Range(1, 11).Select(i => (byte)i), received);
        Assert.Equal(2, _bluez.StartNotifyCalls);
        Assert.True(_bluez.Trusted); // set so the device survives
        Assert.Equal(1, _bluez.StopNotifyCalls);
        await second.DisposeAsync();
    }

    [Theory]
    [InlineData("org.bluez.Error.InProgress", BleErrorKind.InProgress)]
    [InlineData("org.bluez.Error.NotPermitted", BleErrorKind.NotPermitted)]
    [InlineData("org.bluez.Error.Failed", BleErrorKind.Failed)]
    public async Task Connect_BlueZError_IsMappedToThePortsError(string error, BleErrorKind expected)
    {
        _bluez.ExportDevice();
        _bluez.ConnectErrors.Enqueue(error);
        _bluez.ConnectErrors.Enqueue(error); // NotPermitted would otherwise pair and retry

        var e = await Assert.ThrowsAsync<BleException>(() => _adapter.ConnectAsync(FakeBlueZ.DeviceAddress, CancellationToken.None));

        Assert.Equal(expected, e.Kind);
        Assert.Contains(error, e.Message);
    }

    [Fact]
    public async Task Connect_DeviceAsksForPairing_PairsThenConnects()
    {
        _bluez.ExportDevice();
        _bluez.RequiresPairing = true;

        await using var connection = await _adapter.ConnectAsync(FakeBlueZ.DeviceAddress, CancellationToken.None);

        Assert.Equal(1, _bluez.PairCalls);
        Assert.Contains(GattUuids.HeartRateService, connection.Services);
    }

    [Fact]
    public async Task Connect_CharacteristicsExportedAfterServicesResolved_WaitsForThem()
    {
        // BlueZ may report ServicesResolved before it exports the characteristic objects.
        _bluez.ExportDevice();
        var late = _bluez.LateCharacteristics = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var connecting = _adapter.ConnectAsync(FakeBlueZ.DeviceAddress, CancellationToken.None);
        await WaitUntil(() => Volatile.Read(ref _bluez.ConnectCalls) == 1);
        var looked = Volatile.Read(ref _bluez.ManagedObjectsCalls);
        await WaitUntil(() => Volatile.Read(ref _bluez.ManagedObjectsCalls) >= looked + 2); // the adapter looked, found none, and looks again
        Assert.False(connecting.IsCompleted, "connected before its characteristics were there");
        late.SetResult();
        await using var connection = await connecting;
        var battery = await connection.GetCharacteristicAsync(GattUuids.BatteryService, GattUuids.BatteryLevel, CancellationToken.None);

        Assert.Equal([76], await battery.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Connected_DeviceObjectVanishes_LinkIsLost()
    {
        _bluez.ExportDevice();
        await using var connection = await _adapter.ConnectAsync(FakeBlueZ.DeviceAddress, CancellationToken.None);

        _bluez.RemoveDevice();
        var how = await connection.Disconnected.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.False(how.Intended);
        Assert.Contains("removed", how.Reason);
    }

    [Fact]
    public async Task Connected_BlueZDisconnectedSignal_LinkIsLost()
    {
        _bluez.ExportDevice();
        await using var connection = await _adapter.ConnectAsync(FakeBlueZ.DeviceAddress, CancellationToken.None);

        _bluez.EmitDisconnected("org.bluez.Reason.Timeout");
        var how = await connection.Disconnected.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.False(how.Intended);
        Assert.Contains("org.bluez.Reason.Timeout", how.Reason);
    }

    [Fact]
    public async Task Connect_WhileDiscoveryRuns_StopsDiscoveryFirst()
    {
        // Discovery left running (by another client) makes many controllers fail the connection.
        _bluez.ExportDevice();
        _bluez.StartDiscoveryElsewhere();

        await using var connection = await _adapter.ConnectAsync(FakeBlueZ.DeviceAddress, CancellationToken.None);

        Assert.False(_bluez.Discovering);
        Assert.False(_bluez.ConnectedWhileDiscovering);
    }

    [Fact]
    public async Task Connect_BlueZNeverAnswers_TimesOut()
    {
        _bluez.ExportDevice();
        _bluez.ConnectHangs = true;

        var e = await Assert.ThrowsAsync<BleException>(() => _adapter.ConnectAsync(FakeBlueZ.DeviceAddress, CancellationToken.None));

        Assert.Equal(BleErrorKind.Timeout, e.Kind);
    }

    [Fact]
    public async Task Connect_UnknownDevice_IsNotFound()
    {
        var e = await Assert.ThrowsAsync<BleException>(() => _adapter.ConnectAsync("11:22:33:44:55:66", CancellationToken.None));

        Assert.Equal(BleErrorKind.NotFound, e.Kind);
    }

    [Fact]
    public async Task Disconnect_OnPurpose_IsIntended()
    {
        _bluez.ExportDevice();
        var connection = await _adapter.ConnectAsync(FakeBlueZ.DeviceAddress, CancellationToken.None);

        await connection.DisconnectAsync(CancellationToken.None);
        var how = await connection.Disconnected.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.True(how.Intended);
    }

    private static int Count(List<byte> list)
    {
        lock (list)
        {
            return list.Count;
        }
    }

    private static Task WaitUntil(Func<bool> condition) => Eventually.AssertAsync(condition, "the fake BlueZ");
}
