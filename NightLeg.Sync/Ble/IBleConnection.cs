namespace NightLeg.Sync.Ble;

/// <summary>
/// A connected device (Plugin.BLE's <c>IDevice</c>): its services and characteristics, and how the
/// link ended. Dispose disconnects (an intended disconnect).
/// </summary>
public interface IBleConnection : IAsyncDisposable
{
    /// <summary>The device's transport id.</summary>
    string DeviceId { get; }

    /// <summary>The device's name, if known.</summary>
    string? Name { get; }

    /// <summary>The services the device offers.</summary>
    IReadOnlyList<Guid> Services { get; }

    /// <summary>Completes when the link ends: intended, or lost (out of range, device off, adapter gone).</summary>
    Task<BleDisconnect> Disconnected { get; }

    /// <summary>A characteristic of a service; throws <see cref="BleException"/> (NotFound) when absent.</summary>
    Task<IBleCharacteristic> GetCharacteristicAsync(Guid service, Guid characteristic, CancellationToken cancellationToken);

    /// <summary>Disconnects on purpose.</summary>
    Task DisconnectAsync(CancellationToken cancellationToken);
}
