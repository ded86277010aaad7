using NightLeg.Sync.Ble;
using NightLeg.Sync.Devices.Clients;

namespace NightLeg.Sync.Devices;

/// <summary>What every family does the same way: the battery (where offered), and unwinding subscriptions after a failure.</summary>
internal static class CommonStreams
{
    /// <summary>Reads the battery and subscribes to it when offered; a battery that cannot be read is not worth losing the night for.</summary>
    public static async Task<int?> BatteryAsync(IBleConnection connection, Action<GattNotification> onNotification, List<IAsyncDisposable> subscriptions, CancellationToken cancellationToken)
    {
        var battery = new BatteryClient(connection);
        if (!battery.Offered)
        {
            return null;
        }

        try
        {
            var (percent, subscription) = await battery.ReadAndSubscribeAsync(onNotification, cancellationToken);
            subscriptions.Add(subscription);
            return percent;
        }
        catch (BleException e) when (e.Kind is not BleErrorKind.NotConnected)
        {
            return null;
        }
    }

    public static async Task DisposeAllAsync(IEnumerable<IAsyncDisposable> subscriptions)
    {
        foreach (var subscription in subscriptions)
        {
            try
            {
                await subscription.DisposeAsync();
            }
            catch (BleException)
            {
                // The link is going anyway.
            }
        }
    }
}
