namespace NightLeg.Sync.Ble.BlueZ;

/// <summary>A GATT characteristic on BlueZ: notifications arrive as <c>PropertiesChanged</c> of <c>Value</c>.</summary>
internal sealed class BlueZCharacteristic(BlueZBus bus, string path, Guid uuid, TimeProvider time) : IBleCharacteristic
{
    public Guid Uuid => uuid;

    public Task<byte[]> ReadAsync(CancellationToken cancellationToken) => bus.ReadValueAsync(path, cancellationToken);

    public Task WriteAsync(byte[] value, CancellationToken cancellationToken) => bus.WriteValueAsync(path, value, cancellationToken);

    public async Task<IAsyncDisposable> SubscribeAsync(Action<GattNotification> onNotification, CancellationToken cancellationToken)
    {
        // Watch first, then StartNotify, so the first notification is not missed.
        var watch = await bus.WatchPropertiesAsync(path, (iface, changed) =>
        {
            if (iface == BlueZNames.GattCharacteristic && changed.TryGetValue("Value", out var value))
            {
                onNotification(new GattNotification(time.GetUtcNow(), uuid, value.GetArray<byte>()));
            }
        });
        try
        {
            await bus.CallAsync(path, BlueZNames.GattCharacteristic, "StartNotify", cancellationToken);
        }
        catch
        {
            watch.Dispose();
            throw;
        }

        return new Subscription(bus, path, watch);
    }

    private sealed class Subscription(BlueZBus bus, string path, IDisposable watch) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            watch.Dispose();
            try
            {
                await bus.CallAsync(path, BlueZNames.GattCharacteristic, "StopNotify", CancellationToken.None);
            }
            catch (BleException)
            {
                // The link is gone, and with it the notify session.
            }
        }
    }
}
