using NightLeg.Sync.Ble;
using NightLeg.Sync.Gatt;
using NightLeg.Sync.Gatt.Battery;

namespace NightLeg.Sync.Devices.Clients;

/// <summary>The Battery Service (0x180F) on one connection: reads the level and subscribes to its changes.</summary>
public sealed class BatteryClient(IBleConnection connection)
{
    /// <summary>True when the device offers the service.</summary>
    public bool Offered => connection.Services.Contains(GattUuids.BatteryService);

    /// <summary>Reads the level now (percent) and subscribes to changes; null level when it does not decode.</summary>
    public async Task<(int? Percent, IAsyncDisposable Subscription)> ReadAndSubscribeAsync(Action<GattNotification> onNotification, CancellationToken cancellationToken)
    {
        var level = await connection.GetCharacteristicAsync(GattUuids.BatteryService, GattUuids.BatteryLevel, cancellationToken);
        var decoded = BatteryLevelDecoder.Decode(await level.ReadAsync(cancellationToken));
        var subscription = await level.SubscribeAsync(onNotification, cancellationToken);
        return (decoded.IsSuccess ? decoded.Value : null, subscription);
    }
}
