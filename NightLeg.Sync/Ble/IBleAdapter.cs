namespace NightLeg.Sync.Ble;

/// <summary>
/// The Bluetooth LE port, shaped like Plugin.BLE's <c>IAdapter</c> so a phone adapter can be added:
/// scan with a service filter, connect to a known device. Implementations: BlueZ (Linux), the
/// phone's Bluetooth relayed from its browser, the simulated wearable. Every operation takes a
/// cancellation token and has its own timeout (a connection to the phone's relay, the longest, 30 s).
/// </summary>
public interface IBleAdapter
{
    /// <summary>Whether Bluetooth can be used now.</summary>
    Task<BleAdapterState> GetStateAsync(CancellationToken cancellationToken);

    /// <summary>Devices advertising any of <paramref name="serviceFilter"/> (all when empty), seen within <paramref name="duration"/>.</summary>
    Task<IReadOnlyList<BleAdvertisement>> ScanAsync(IReadOnlyList<Guid> serviceFilter, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Connects to a known device and resolves its services; throws <see cref="BleException"/>.</summary>
    Task<IBleConnection> ConnectAsync(string deviceId, CancellationToken cancellationToken);

    /// <summary>
    /// Forgets what the stack has cached about a device's services and finds it again (a stale GATT
    /// cache after a firmware update lists services whose characteristics are gone). True when the
    /// device was found again; false when this adapter keeps no such cache or the device did not come back.
    /// </summary>
    Task<bool> RefreshAsync(string deviceId, CancellationToken cancellationToken) => Task.FromResult(false);

    /// <summary>The user forgot the device: disconnect it and stop the stack from reconnecting it by itself.</summary>
    Task ForgetAsync(string deviceId, CancellationToken cancellationToken) => Task.CompletedTask;
}
