using NightLeg.Sync.Ble;
using NightLeg.Sync.Gatt;

namespace NightLeg.Sync.Devices.InfiniTime;

/// <summary>InfiniTime's motion service on one connection: subscribes to raw XYZ (notified when it changes).</summary>
public sealed class InfiniTimeMotionClient(IBleConnection connection)
{
    /// <summary>True when the watch offers the motion service (InfiniTime ≥ 1.7).</summary>
    public bool Offered => connection.Services.Contains(GattUuids.InfiniTimeMotionService);

    /// <summary>Subscribes to raw XYZ.</summary>
    public async Task<IAsyncDisposable> SubscribeRawAsync(Action<GattNotification> onNotification, CancellationToken cancellationToken)
    {
        var xyz = await connection.GetCharacteristicAsync(GattUuids.InfiniTimeMotionService, GattUuids.InfiniTimeRawXyz, cancellationToken);
        return await xyz.SubscribeAsync(onNotification, cancellationToken);
    }
}
