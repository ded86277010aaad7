namespace NightLeg.Sync.Ble;

/// <summary>The adapter when this machine has no Bluetooth NightLeg can use: says so, finds nothing.</summary>
public sealed class UnavailableBleAdapter(string reason) : IBleAdapter
{
    /// <summary>Why there is no Bluetooth.</summary>
    public string Reason { get; } = reason;

    /// <inheritdoc />
    public Task<BleAdapterState> GetStateAsync(CancellationToken cancellationToken) => Task.FromResult(BleAdapterState.Unavailable);

    /// <inheritdoc />
    public Task<IReadOnlyList<BleAdvertisement>> ScanAsync(IReadOnlyList<Guid> serviceFilter, TimeSpan duration, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<BleAdvertisement>>([]);

    /// <inheritdoc />
    public Task<IBleConnection> ConnectAsync(string deviceId, CancellationToken cancellationToken) =>
        throw new BleException(BleErrorKind.NoAdapter, Reason);
}
