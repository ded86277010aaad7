using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tmds.DBus.Protocol;

namespace NightLeg.Sync.Ble.BlueZ;

/// <summary>One connection attempt: connect, wait for the services to resolve and the characteristics to appear.</summary>
public sealed partial class BlueZAdapter
{
    private async Task<IBleConnection> ConnectOnceAsync(string deviceId, CancellationToken cancellationToken)
    {
        {
            var bus = await BusAsync();
            var adapter = await AdapterPathAsync(bus, cancellationToken);
            var objects = await bus.GetManagedObjectsAsync(cancellationToken);
            var device = objects.WithInterface(BlueZNames.Device).FirstOrDefault(d =>
                string.Equals(ManagedObjects.String(d.Properties, "Address"), deviceId, StringComparison.OrdinalIgnoreCase) || d.Path == deviceId);
            if (device.Path is null)
            {
                throw new BleException(BleErrorKind.NotFound, $"BlueZ does not know {deviceId}; scan for it first");
            }

            // Scanning while connecting makes many controllers fail the connection.
            await StopDiscoveryQuietlyAsync(bus, adapter);
            if (!ManagedObjects.Bool(device.Properties, "Trusted"))
            {
                await bus.SetAsync(device.Path, BlueZNames.Device, "Trusted", true, cancellationToken);
            }

            try
            {
                await bus.CallAsync(device.Path, BlueZNames.Device, "Connect", cancellationToken);
            }
            catch (BleException e) when (e.Kind == BleErrorKind.NotPermitted && !ManagedObjects.Bool(device.Properties, "Paired"))
            {
                // The device asks for pairing: pair, then connect.
                await bus.CallAsync(device.Path, BlueZNames.Device, "Pair", cancellationToken);
                await bus.CallAsync(device.Path, BlueZNames.Device, "Connect", cancellationToken);
            }

            var connection = new BlueZConnection(bus, device.Path, ManagedObjects.String(device.Properties, "Name"), deviceId, _time);
            try
            {
                await connection.StartWatchingAsync();
                await WaitForCharacteristicsAsync(bus, connection, cancellationToken);
                return connection;
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>
    /// ServicesResolved can turn true before BlueZ has exported the characteristic objects: wait for
    /// the characteristics themselves.
    /// </summary>
    private async Task WaitForCharacteristicsAsync(BlueZBus bus, BlueZConnection connection, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + _options.ServicesTimeout;
        while (true)
        {
            var objects = await bus.GetManagedObjectsAsync(cancellationToken);
            if (!objects.Objects.ContainsKey(connection.DevicePath))
            {
                throw new BleException(BleErrorKind.NotFound, "the device vanished while connecting");
            }

            if (connection.Resolve(objects))
            {
                return;
            }

            if (connection.Disconnected.IsCompleted)
            {
                throw new BleException(BleErrorKind.NotConnected, "the link dropped while services were resolving");
            }

            if (_time.GetUtcNow() > deadline)
            {
                throw new BleException(BleErrorKind.Timeout, $"services did not resolve within {_options.ServicesTimeout.TotalSeconds:0} s");
            }

            await Task.Delay(Poll, _time, cancellationToken);
        }
    }
}
