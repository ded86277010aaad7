using Tmds.DBus.Protocol;

namespace NightLeg.Sync.Ble.BlueZ;

/// <summary>
/// The BLE port on Linux: BlueZ (<c>org.bluez</c>) over D-Bus with Tmds.DBus.Protocol. Operations
/// are serialised; every D-Bus call has a timeout; BlueZ errors become <see cref="BleException"/>s.
/// Thread-safe.
/// </summary>
public sealed class BlueZAdapter : IBleAdapter, IAsyncDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private readonly string _address;
    private readonly TimeProvider _time;
    private readonly BlueZOptions _options;
    private readonly SemaphoreSlim _operation = new(1, 1);
    private DBusConnection? _connection;
    private BlueZBus? _bus;

    /// <summary>Talks to BlueZ on the bus at <paramref name="busAddress"/> (the system bus in production).</summary>
    public BlueZAdapter(string busAddress, TimeProvider time, BlueZOptions? options = null)
    {
        _address = busAddress;
        _time = time;
        _options = options ?? new BlueZOptions();
    }

    /// <summary>The system bus, where the real BlueZ lives.</summary>
    public static string SystemBusAddress => Environment.GetEnvironmentVariable("DBUS_SYSTEM_BUS_ADDRESS") ?? "unix:path=/var/run/dbus/system_bus_socket";

    /// <inheritdoc />
    public async Task<BleAdapterState> GetStateAsync(CancellationToken cancellationToken)
    {
        try
        {
            var bus = await BusAsync();
            var adapter = (await bus.GetManagedObjectsAsync(cancellationToken)).WithInterface(BlueZNames.Adapter).FirstOrDefault();
            if (adapter.Path is null)
            {
                return BleAdapterState.Unavailable;
            }

            if (!ManagedObjects.Bool(adapter.Properties, "Powered"))
            {
                await bus.SetAsync(adapter.Path, BlueZNames.Adapter, "Powered", true, cancellationToken);
            }

            return BleAdapterState.Ready;
        }
        catch (BleException e) when (e.Kind is BleErrorKind.NotPermitted or BleErrorKind.Failed)
        {
            return BleAdapterState.PoweredOff;
        }
        catch (Exception e) when (e is BleException or DBusExceptionBase or IOException or System.Net.Sockets.SocketException)
        {
            return BleAdapterState.Unavailable;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<BleAdvertisement>> ScanAsync(IReadOnlyList<Guid> serviceFilter, TimeSpan duration, CancellationToken cancellationToken)
    {
        await _operation.WaitAsync(cancellationToken);
        try
        {
            var bus = await BusAsync();
            var adapter = await AdapterPathAsync(bus, cancellationToken);
            await bus.SetDiscoveryFilterAsync(adapter, serviceFilter, cancellationToken);
            await bus.CallAsync(adapter, BlueZNames.Adapter, "StartDiscovery", cancellationToken);
            try
            {
                await Task.Delay(duration, _time, cancellationToken);
            }
            finally
            {
                await StopDiscoveryQuietlyAsync(bus, adapter);
            }

            return (await bus.GetManagedObjectsAsync(cancellationToken)).WithInterface(BlueZNames.Device)
                .Select(d => new BleAdvertisement(ManagedObjects.String(d.Properties, "Address") ?? d.Path, ManagedObjects.String(d.Properties, "Name"),
                    d.Properties.TryGetValue("RSSI", out var rssi) ? rssi.GetInt16() : null, ManagedObjects.Uuids(d.Properties)))
                .Where(a => serviceFilter.Count == 0 || a.Services.Any(serviceFilter.Contains))
                .ToList();
        }
        finally
        {
            _operation.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IBleConnection> ConnectAsync(string deviceId, CancellationToken cancellationToken)
    {
        await _operation.WaitAsync(cancellationToken);
        try
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
        finally
        {
            _operation.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _connection?.Dispose();
        _operation.Dispose();
        await Task.CompletedTask;
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

    private static async Task<string> AdapterPathAsync(BlueZBus bus, CancellationToken cancellationToken)
    {
        var adapter = (await bus.GetManagedObjectsAsync(cancellationToken)).WithInterface(BlueZNames.Adapter).FirstOrDefault();
        if (adapter.Path is null)
        {
            throw new BleException(BleErrorKind.NoAdapter, "no Bluetooth adapter");
        }

        if (!ManagedObjects.Bool(adapter.Properties, "Powered"))
        {
            await bus.SetAsync(adapter.Path, BlueZNames.Adapter, "Powered", true, cancellationToken);
        }

        return adapter.Path;
    }

    private static async Task StopDiscoveryQuietlyAsync(BlueZBus bus, string adapter)
    {
        try
        {
            await bus.CallAsync(adapter, BlueZNames.Adapter, "StopDiscovery", CancellationToken.None);
        }
        catch (BleException)
        {
            // Not discovering (org.bluez.Error.Failed "No discovery started") is the usual answer.
        }
    }

    private async Task<BlueZBus> BusAsync()
    {
        if (_bus is not null && !_bus.Connection.DisconnectedAsync().IsCompleted)
        {
            return _bus;
        }

        _connection?.Dispose();
        _connection = new DBusConnection(_address);
        try
        {
            await _connection.ConnectAsync().AsTask().WaitAsync(_options.CallTimeout, _time);
        }
        catch (Exception e) when (e is DBusExceptionBase or TimeoutException or IOException or System.Net.Sockets.SocketException)
        {
            throw new BleException(BleErrorKind.NoAdapter, $"cannot reach BlueZ on {_address}: {e.Message}", e);
        }

        _bus = new BlueZBus(_connection, _time, _options.CallTimeout);
        return _bus;
    }
}
