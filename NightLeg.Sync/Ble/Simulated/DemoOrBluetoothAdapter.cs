namespace NightLeg.Sync.Ble.Simulated;

/// <summary>
/// The demo wearable is always on offer: its id goes to the simulated wearable, a wearable held by
/// the phone (<c>phone:…</c>) to the browser relay, everything else to Bluetooth. Scans list whatever Bluetooth finds (the app adds the demo itself).
/// </summary>
public sealed class DemoOrBluetoothAdapter(IBleAdapter bluetooth, Lazy<SimulatedWearableAdapter> demo, Relay.BrowserRelay? phone = null) : IBleAdapter
{
    /// <inheritdoc />
    public Task<BleAdapterState> GetStateAsync(CancellationToken cancellationToken) => bluetooth.GetStateAsync(cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<BleAdvertisement>> ScanAsync(IReadOnlyList<Guid> serviceFilter, TimeSpan duration, CancellationToken cancellationToken) =>
        bluetooth.ScanAsync(serviceFilter, duration, cancellationToken);

    /// <inheritdoc />
    public Task<IBleConnection> ConnectAsync(string deviceId, CancellationToken cancellationToken) =>
        deviceId == SimulatedWearableAdapter.DeviceId ? demo.Value.ConnectAsync(deviceId, cancellationToken)
        : phone is not null && Relay.BrowserRelay.IsRelayId(deviceId) ? phone.ConnectAsync(deviceId, cancellationToken)
        : bluetooth.ConnectAsync(deviceId, cancellationToken);

    /// <inheritdoc />
    public Task<bool> RefreshAsync(string deviceId, CancellationToken cancellationToken) =>
        deviceId == SimulatedWearableAdapter.DeviceId || Relay.BrowserRelay.IsRelayId(deviceId) ? Task.FromResult(false) : bluetooth.RefreshAsync(deviceId, cancellationToken);

    /// <inheritdoc />
    public Task ForgetAsync(string deviceId, CancellationToken cancellationToken) =>
        deviceId == SimulatedWearableAdapter.DeviceId || Relay.BrowserRelay.IsRelayId(deviceId) ? Task.CompletedTask : bluetooth.ForgetAsync(deviceId, cancellationToken);
}
