using NightLeg.Sync.Ble;
using NightLeg.Sync.Ble.BlueZ;
using NightLeg.Sync.Gatt;
using NightLeg.Tests.Fakes;

namespace NightLeg.Tests.Sync.Ble;

/// <summary>
/// The BlueZ failures Linux hosts meet most (as bleak's and Home Assistant's users report them),
/// reproduced on the fake org.bluez on a private dbus-daemon, each handled and logged once.
/// </summary>
public sealed class BlueZFailureTests : IAsyncLifetime
{
    private readonly ListLogger<BlueZAdapter> _log = new();
    private PrivateDbusDaemon _bus = null!;
    private FakeBlueZ _bluez = null!;
    private BlueZAdapter _adapter = null!;

    public async Task InitializeAsync()
    {
        _bus = PrivateDbusDaemon.Start();
        _bluez = await FakeBlueZ.StartAsync(_bus.Address);
        _bluez.ExportDevice();
        _adapter = new BlueZAdapter(_bus.Address, TimeProvider.System, new BlueZOptions
        {
            CallTimeout = TimeSpan.FromSeconds(2),
            ServicesTimeout = TimeSpan.FromSeconds(3),
            QuickRetryDelay = TimeSpan.FromMilliseconds(50),
            RediscoverTimeout = TimeSpan.FromSeconds(3),
        }, _log);
    }

    public async Task DisposeAsync()
    {
        await _adapter.DisposeAsync();
        _bluez.Dispose();
        _bus.Dispose();
    }

    [Theory]
    [InlineData("org.bluez.Error.Failed: le-connection-abort-by-local")]
    [InlineData("org.bluez.Error.Failed: Software caused connection abort")]
    public async Task Connect_TransientAbort_RetriedAtOnceAndConnects(string error)
    {
        // Arrange: the controller aborts the first two attempts.
        _bluez.ConnectErrors.Enqueue(error);
        _bluez.ConnectErrors.Enqueue(error);

        // Act
        await using var connection = await _adapter.ConnectAsync(FakeBlueZ.DeviceAddress, CancellationToken.None);

        // Assert: connected within the one call, after three attempts; said once.
        Assert.Equal(3, _bluez.ConnectCalls);
        Assert.Contains(GattUuids.HeartRateService, connection.Services);
        Assert.Equal(1, _log.Count("was aborted"));
    }

    [Fact]
    public async Task Connect_TransientAbortsBeyondTheQuickRetries_LeftToTheNormalBackoff()
    {
        for (var i = 0; i < 5; i++)
        {
            _bluez.ConnectErrors.Enqueue("org.bluez.Error.Failed: le-connection-abort-by-local");
        }

        var e = await Assert.ThrowsAsync<BleException>(() => _adapter.ConnectAsync(FakeBlueZ.DeviceAddress, CancellationToken.None));

        Assert.Contains("le-connection-abort-by-local", e.Message);
        Assert.Equal(4, _bluez.ConnectCalls); // the first try and three quick retries, then it is the service's turn
    }

    [Fact]
    public async Task Connect_AdapterKeepsAnsweringInProgress_SwitchedOffAndOnOnce_ThenReported()
    {
        // Arrange: a wedged adapter answers InProgress to everything.
        for (var i = 0; i < 6; i++)
        {
            _bluez.ConnectErrors.Enqueue("org.bluez.Error.InProgress: Operation already in progress");
        }

        // Act: the sync service keeps trying.
        for (var i = 0; i < 6; i++)
        {
            var e = await Assert.ThrowsAsync<BleException>(() => _adapter.ConnectAsync(FakeBlueZ.DeviceAddress, CancellationToken.None));
            Assert.Equal(BleErrorKind.InProgress, e.Kind);
        }

        // Assert: after three answers it was powered off and on, once; after three more, reported, once.
        Assert.Equal(1, _adapter.PowerCycles);
        Assert.Equal([true, false, true], _bluez.PoweredHistory);
        Assert.Equal(1, _log.Count("switching it off and on"));
        Assert.Equal(1, _log.Count("sudo systemctl restart bluetooth"));

        // …and once it works again, the next episode may cycle it again.
        await using var connection = await _adapter.ConnectAsync(FakeBlueZ.DeviceAddress, CancellationToken.None);
        Assert.NotNull(connection);
    }

    [Fact]
    public async Task StaleCache_CharacteristicMissing_RefreshRemovesTheDeviceAndFindsItAgain()
    {
        // Arrange: BlueZ serves the strap's old services: Heart Rate is listed, its measurement is not.
        _bluez.StaleCache = true;
        var stale = await _adapter.ConnectAsync(FakeBlueZ.DeviceAddress, CancellationToken.None);
        var missing = await Assert.ThrowsAsync<BleException>(() => stale.GetCharacteristicAsync(GattUuids.HeartRateService, GattUuids.HeartRateMeasurement, CancellationToken.None));
        await stale.DisposeAsync();

        // Act
        var found = await _adapter.RefreshAsync(FakeBlueZ.DeviceAddress, CancellationToken.None);
        await using var fresh = await _adapter.ConnectAsync(FakeBlueZ.DeviceAddress, CancellationToken.None);

        // Assert
        Assert.Equal(BleErrorKind.MissingCharacteristic, missing.Kind);
        Assert.True(found);
        Assert.Equal(1, _bluez.RemoveDeviceCalls);
        Assert.NotNull(await fresh.GetCharacteristicAsync(GattUuids.HeartRateService, GattUuids.HeartRateMeasurement, CancellationToken.None));
    }

    [Fact]
    public async Task Forget_UntrustsAndRemovesTheDevice_SoBlueZDoesNotReconnectIt()
    {
        await using (await _adapter.ConnectAsync(FakeBlueZ.DeviceAddress, CancellationToken.None))
        {
            Assert.True(_bluez.Trusted);
        }

        await _adapter.ForgetAsync(FakeBlueZ.DeviceAddress, CancellationToken.None);

        Assert.False(_bluez.Knows);
        Assert.Equal(1, _bluez.RemoveDeviceCalls);
    }
}
