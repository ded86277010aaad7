namespace NightLeg.Sync.Ble;

/// <summary>A GATT characteristic (Plugin.BLE's <c>ICharacteristic</c>): read, write, notifications.</summary>
public interface IBleCharacteristic
{
    /// <summary>The characteristic's UUID.</summary>
    Guid Uuid { get; }

    /// <summary>Reads the value.</summary>
    Task<byte[]> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Writes with response.</summary>
    Task WriteAsync(byte[] value, CancellationToken cancellationToken);

    /// <summary>Starts notifications; each arrives once at <paramref name="onNotification"/>. Dispose the result to stop.</summary>
    Task<IAsyncDisposable> SubscribeAsync(Action<GattNotification> onNotification, CancellationToken cancellationToken);
}
