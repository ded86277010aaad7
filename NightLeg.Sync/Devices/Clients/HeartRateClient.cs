using NightLeg.Sync.Ble;
using NightLeg.Sync.Gatt;

namespace NightLeg.Sync.Devices.Clients;

/// <summary>The Heart Rate Service (0x180D) on one connection: subscribes to 0x2A37. The pipeline decodes.</summary>
public sealed class HeartRateClient(IBleConnection connection)
{
    /// <summary>Subscribes to Heart Rate Measurement; the returned handle unsubscribes.</summary>
    public async Task<IAsyncDisposable> SubscribeAsync(Action<GattNotification> onNotification, CancellationToken cancellationToken)
    {
        var measurement = await connection.GetCharacteristicAsync(GattUuids.HeartRateService, GattUuids.HeartRateMeasurement, cancellationToken);
        return await measurement.SubscribeAsync(onNotification, cancellationToken);
    }
}
