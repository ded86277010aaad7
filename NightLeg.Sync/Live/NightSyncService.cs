using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NightLeg.Domain.Storage;
using NightLeg.Sync.Ble;
using NightLeg.Sync.Devices;
using NightLeg.Sync.Gatt;
using NightLeg.Sync.Storage;

namespace NightLeg.Sync.Live;

/// <summary>
/// Keeps the paired wearable connected all night: connect, subscribe (once per connection), feed
/// the <see cref="NightSession"/>, and on a lost or silent link record a gap and reconnect with
/// capped exponential backoff and jitter. Honours its stopping token everywhere; a failure in one
/// attempt is logged and retried, never allowed to stop the host.
/// </summary>
public sealed partial class NightSyncService : BackgroundService
{
    private readonly IBleAdapter _adapter;
    private readonly DeviceFamilies _families;
    private readonly IDeviceRepository _devices;
    private readonly NightSession _session;
    private readonly TimeProvider _time;
    private readonly SyncOptions _options;
    private readonly ILogger<NightSyncService> _logger;
    private readonly Random _jitter = new();
    private DateTimeOffset _lastHeartRate;
    private MovementProblem? _lastMovementProblem;
    private readonly HashSet<string> _refreshed = [];

    public NightSyncService(IBleAdapter adapter, IDeviceRepository devices, NightSession session, TimeProvider time, SyncOptions options, ILogger<NightSyncService> logger,
        DeviceFamilies? families = null)
    {
        options.Validate();
        _adapter = adapter;
        _families = families ?? DeviceFamilies.Default;
        _devices = devices;
        _session = session;
        _time = time;
        _options = options;
        _logger = logger;
    }

    /// <summary>Connections made so far (the first and every reconnect).</summary>
    public int Connections { get; private set; }

    /// <summary>How long stopping waits for the night's last seconds to be written, whatever else the host is waiting for.</summary>
    public static readonly TimeSpan FinalWriteTimeout = TimeSpan.FromSeconds(15);

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // The seconds still open in the recorder are written after the loop ends. A host in a hurry
        // (its shutdown time spent on open browser connections) must not skip that: wait, bounded.
        try
        {
            await base.StopAsync(CancellationToken.None).WaitAsync(FinalWriteTimeout, _time, CancellationToken.None);
        }
        catch (TimeoutException)
        {
            LogFinalWriteSlow(FinalWriteTimeout.TotalSeconds);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var consumer = _session.RunAsync(stoppingToken);
        var flusher = FlushPeriodicallyAsync(stoppingToken);
        try
        {
            await KeepConnectedAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await Task.WhenAll(consumer, flusher);
    }

    private async Task KeepConnectedAsync(CancellationToken stoppingToken)
    {
        var attempt = 0;
        var everConnected = false;
        var storageFailing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            PairedDevice? device;
            try
            {
                device = _devices.GetPaired();
                storageFailing = false;
            }
            catch (StorageException e)
            {
                // The database cannot be read right now (it is reopened by itself): wait and try again; say so once.
                if (!storageFailing)
                {
                    storageFailing = true;
                    LogStorageUnreadable(e.Message);
                }

                await Task.Delay(_options.IdlePoll, _time, stoppingToken);
                continue;
            }

            if (device is null)
            {
                _session.SetConnection(ConnectionState.NoDevice);
                await Task.Delay(_options.IdlePoll, _time, stoppingToken);
                continue;
            }

            try
            {
                // The demo needs no radio, and a wearable held by the phone uses the phone's.
                if (!device.IsDemo && !Ble.Relay.BrowserRelay.IsRelayId(device.Id) && await _adapter.GetStateAsync(stoppingToken) != BleAdapterState.Ready)
                {
                    _session.SetConnection(ConnectionState.NoBluetooth);
                    await Task.Delay(_options.Backoff(attempt++, _jitter), _time, stoppingToken);
                    continue;
                }

                _session.SetConnection(everConnected ? ConnectionState.Reconnecting : ConnectionState.Connecting, device.Name);
                var lost = await RunConnectionAsync(device, stoppingToken);
                everConnected = true;
                attempt = 0;
                _refreshed.Clear();
                LogLinkLost(device.Name, lost.Reason);
                _session.SetConnection(ConnectionState.Reconnecting);
            }
            catch (BleException e) when (e.Kind == BleErrorKind.MissingCharacteristic)
            {
                // Services resolved but a characteristic is missing: a stale cache (after a firmware update).
                // Forget it and find the device again, once; if that does not help, say what to do.
                if (_refreshed.Add(device.Id))
                {
                    LogStaleServices(device.Name, e.Message);
                    if (await _adapter.RefreshAsync(device.Id, stoppingToken))
                    {
                        continue;
                    }
                }
                else if (_refreshed.Add(device.Id + "/reported"))
                {
                    LogStillMissing(device.Name, e.Message);
                }
            }
            catch (BleException e)
            {
                LogConnectFailed(device.Name, e.Kind, e.Message, attempt + 1);
            }
            catch (TimeoutException)
            {
                LogConnectFailed(device.Name, BleErrorKind.Timeout, "timed out", attempt + 1);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogUnexpected(e);
            }

            if (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(_options.Backoff(attempt++, _jitter), _time, stoppingToken);
            }
        }
    }

    /// <summary>One connection: connect, subscribe, watch until it ends; returns how it ended.</summary>
    private async Task<BleDisconnect> RunConnectionAsync(PairedDevice device, CancellationToken stoppingToken)
    {
        using var attemptDeadline = new CancellationTokenSource(_options.ConnectTimeout, _time);
        using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, attemptDeadline.Token);
        IBleConnection connection;
        DeviceStreams streams;
        try
        {
            connection = await _adapter.ConnectAsync(device.Id, attemptTimeout.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            throw new TimeoutException();
        }

        await using var _ = connection;
        var family = _families.Recognise(connection.Name ?? device.Name, connection.Services)
            ?? throw new BleException(BleErrorKind.NotFound, $"{device.Name} offers no heart-rate service");
        _lastHeartRate = _time.GetUtcNow();
        try
        {
            streams = await family.StartAsync(connection, OnNotification, _time, attemptTimeout.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            throw new TimeoutException();
        }

        await using var __ = streams;
        Connections++;
        LogConnected(device.Name, family.DisplayName, streams.Movement ?? "heart rate", Connections);
        if (streams.MovementUnavailable is { } why && why != _lastMovementProblem)
        {
            LogMovementUnavailable(device.Name, why.ToString());
        }

        _lastMovementProblem = streams.MovementUnavailable;
        _session.SetConnection(ConnectionState.Recording, connection.Name ?? device.Name, streams.BatteryPercent, new MovementState(streams.Movement, streams.MovementUnavailable),
            wornOnChest: family.Capabilities.OnChest);
        return await WatchAsync(connection, stoppingToken);
    }

    private async Task<BleDisconnect> WatchAsync(IBleConnection connection, CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond * 100, _options.Watchdog.Ticks / 4));
        using var timer = new PeriodicTimer(period, _time);
        while (true)
        {
            var tick = timer.WaitForNextTickAsync(stoppingToken).AsTask();
            var ended = await Task.WhenAny(connection.Disconnected, tick);
            if (ended == connection.Disconnected)
            {
                return await connection.Disconnected;
            }

            await tick;
            if (_time.GetUtcNow() - _lastHeartRate > _options.Watchdog)
            {
                await connection.DisconnectAsync(stoppingToken);
                return new BleDisconnect(false, $"no heart rate for {_options.Watchdog.TotalSeconds:0} s (silent link)");
            }
        }
    }

    private void OnNotification(GattNotification notification)
    {
        if (notification.Characteristic == GattUuids.HeartRateMeasurement)
        {
            _lastHeartRate = _time.GetUtcNow();
        }

        _session.Post(notification);
    }

    private async Task FlushPeriodicallyAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(_options.BatchSeconds), _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                _session.Flush();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopping: the night's last seconds were not written within {Seconds:0} s")]
    private partial void LogFinalWriteSlow(double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "The paired device cannot be read from the database: {Problem}")]
    private partial void LogStorageUnreadable(string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to {Device} ({Family}: {Streams}), connection {Count}")]
    private partial void LogConnected(string device, string family, string streams, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Device}: movement unavailable: {Reason}. Heart rate is recorded; check the sensor is charged and not in its charger, then reconnect it")]
    private partial void LogMovementUnavailable(string device, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Link to {Device} lost: {Reason}; reconnecting")]
    private partial void LogLinkLost(string device, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connecting to {Device} failed ({Kind}: {Reason}), attempt {Attempt}")]
    private partial void LogConnectFailed(string device, BleErrorKind kind, string reason, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Device}: {Reason}. Its services look stale (as after a firmware update): forgetting them and finding the device again")]
    private partial void LogStaleServices(string device, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Device}: {Reason}, even after finding it again. Update its firmware, or remove it in the Bluetooth settings (bluetoothctl remove) and pair it again in NightLeg")]
    private partial void LogStillMissing(string device, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected failure in the night sync; retrying")]
    private partial void LogUnexpected(Exception exception);
}
