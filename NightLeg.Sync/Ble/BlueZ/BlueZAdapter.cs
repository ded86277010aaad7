using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Tmds.DBus.Protocol;

namespace NightLeg.Sync.Ble.BlueZ;

/// <summary>
/// The BLE port on Linux: BlueZ (<c>org.bluez</c>) over D-Bus with Tmds.DBus.Protocol. Scan,
/// connect, refresh and forget are serialised; <see cref="GetStateAsync"/> is not (it reads the
/// adapter, powering it on when off, and must answer while a connection attempt waits); every D-Bus
/// call has a timeout; BlueZ errors become <see cref="BleException"/>s.
/// Handles the failures Linux hosts meet most (bleak's and Home Assistant's users report them): a
/// transient connection abort is retried at once; an adapter that keeps answering
/// <c>InProgress</c>/<c>NotReady</c> is switched off and on, once, then reported; a stale service
/// cache is removed and the device found again (<see cref="RefreshAsync"/>); a forgotten device is
/// untrusted so BlueZ does not reconnect it by itself. Each problem is logged once, with what the
/// user can do. Thread-safe: every member may be called from any thread.
/// </summary>
public sealed partial class BlueZAdapter : IBleAdapter, IAsyncDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private readonly string _address;
    private readonly TimeProvider _time;
    private readonly BlueZOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _operation = new(1, 1);
    private readonly HashSet<string> _logged = [];
    private DBusConnection? _connection;
    private BlueZBus? _bus;
    private int _stuckAnswers;
    private bool _powerCycled;

    /// <summary>Talks to BlueZ on the bus at <paramref name="busAddress"/> (the system bus in production).</summary>
    public BlueZAdapter(string busAddress, TimeProvider time, BlueZOptions? options = null, ILogger<BlueZAdapter>? logger = null)
    {
        _address = busAddress;
        _time = time;
        _options = options ?? new BlueZOptions();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Times the adapter was switched off and on because it was stuck.</summary>
    public int PowerCycles { get; private set; }

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
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    var connection = await ConnectOnceAsync(deviceId, cancellationToken);
                    _stuckAnswers = 0;
                    _powerCycled = false;
                    _logged.Clear();
                    return connection;
                }
                catch (BleException e) when (IsTransientAbort(e) && attempt < _options.QuickRetries)
                {
                    Once("transient", () => LogTransientAbort(deviceId, e.Message, _options.QuickRetries));
                    await Task.Delay(_options.QuickRetryDelay, _time, cancellationToken);
                }
                catch (BleException e) when (e.Kind is BleErrorKind.InProgress or BleErrorKind.NotReady)
                {
                    await OnStuckAnswerAsync(e, cancellationToken);
                    throw;
                }
            }
        }
        finally
        {
            _operation.Release();
        }
    }

    /// <inheritdoc />
    public async Task<bool> RefreshAsync(string deviceId, CancellationToken cancellationToken)
    {
        await _operation.WaitAsync(cancellationToken);
        try
        {
            var bus = await BusAsync();
            var adapter = await AdapterPathAsync(bus, cancellationToken);
            if (await DevicePathAsync(bus, deviceId, cancellationToken) is not { } device)
            {
                return false;
            }

            await DisconnectQuietlyAsync(bus, device);
            await bus.RemoveDeviceAsync(adapter, device, cancellationToken);
            await bus.SetDiscoveryFilterAsync(adapter, [], cancellationToken);
            await bus.CallAsync(adapter, BlueZNames.Adapter, "StartDiscovery", cancellationToken);
            try
            {
                var deadline = _time.GetUtcNow() + _options.RediscoverTimeout;
                while (_time.GetUtcNow() < deadline)
                {
                    if (await DevicePathAsync(bus, deviceId, cancellationToken) is not null)
                    {
                        return true;
                    }

                    await Task.Delay(Poll, _time, cancellationToken);
                }

                return false;
            }
            finally
            {
                await StopDiscoveryQuietlyAsync(bus, adapter);
            }
        }
        finally
        {
            _operation.Release();
        }
    }

    /// <inheritdoc />
    public async Task ForgetAsync(string deviceId, CancellationToken cancellationToken)
    {
        await _operation.WaitAsync(cancellationToken);
        try
        {
            var bus = await BusAsync();
            if (await DevicePathAsync(bus, deviceId, cancellationToken) is not { } device)
            {
                return;
            }

            await DisconnectQuietlyAsync(bus, device);

            // Untrusted and removed, BlueZ will not reconnect it by itself (and NightLeg would not use it anyway).
            await bus.SetAsync(device, BlueZNames.Device, "Trusted", false, cancellationToken);
            await bus.RemoveDeviceAsync(await AdapterPathAsync(bus, cancellationToken), device, cancellationToken);
        }
        finally
        {
            _operation.Release();
        }
    }

    private static bool IsTransientAbort(BleException e) =>
        e.Kind == BleErrorKind.Failed &&
        (e.Message.Contains("connection-abort", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("Software caused connection abort", StringComparison.OrdinalIgnoreCase));

    /// <summary>The adapter answered "busy" or "not ready" once more: after a few in a row, switch it off and on (once); if that does not help, say so.</summary>
    private async Task OnStuckAnswerAsync(BleException e, CancellationToken cancellationToken)
    {
        if (++_stuckAnswers < _options.StuckAnswers)
        {
            return;
        }

        _stuckAnswers = 0;
        if (_powerCycled)
        {
            Once("stuck-report", () => LogStillStuck(e.Message));
            return;
        }

        _powerCycled = true;
        Once("stuck", () => LogPowerCycling(_options.StuckAnswers, e.Message));
        var bus = await BusAsync();
        var adapter = await AdapterPathAsync(bus, cancellationToken);
        await bus.SetAsync(adapter, BlueZNames.Adapter, "Powered", false, cancellationToken);
        await Task.Delay(TimeSpan.FromMilliseconds(500), _time, cancellationToken);
        await bus.SetAsync(adapter, BlueZNames.Adapter, "Powered", true, cancellationToken);
        PowerCycles++;
    }

    private void Once(string problem, Action log)
    {
        if (_logged.Add(problem))
        {
            log();
        }
    }

    private static async Task<string?> DevicePathAsync(BlueZBus bus, string deviceId, CancellationToken cancellationToken) =>
        (await bus.GetManagedObjectsAsync(cancellationToken)).WithInterface(BlueZNames.Device).FirstOrDefault(d =>
            string.Equals(ManagedObjects.String(d.Properties, "Address"), deviceId, StringComparison.OrdinalIgnoreCase) || d.Path == deviceId).Path;

    private static async Task DisconnectQuietlyAsync(BlueZBus bus, string device)
    {
        try
        {
            await bus.CallAsync(device, BlueZNames.Device, "Disconnect", CancellationToken.None);
        }
        catch (BleException)
        {
            // Not connected: nothing to do.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connecting to {Device} was aborted ({Reason}); retrying up to {Retries} times at once. If this keeps happening, bring the wearable closer or restart its Bluetooth (off and on)")]
    private partial void LogTransientAbort(string device, string reason, int retries);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Bluetooth adapter answered busy or not ready {Count} times in a row ({Reason}); switching it off and on")]
    private partial void LogPowerCycling(int count, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The Bluetooth adapter is still stuck after being switched off and on ({Reason}). Restart the Bluetooth service (sudo systemctl restart bluetooth) or unplug and replug the adapter")]
    private partial void LogStillStuck(string reason);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _connection?.Dispose();
        _operation.Dispose();
        await Task.CompletedTask;
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
