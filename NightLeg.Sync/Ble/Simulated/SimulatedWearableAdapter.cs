using NightLeg.Sync.Gatt;
using NightLeg.Sync.Simulation;

namespace NightLeg.Sync.Ble.Simulated;

/// <summary>
/// A wearable that plays a synthetic night (<see cref="NightSimulator"/>) as real notifications
/// through the BLE port, at real time or <c>speed</c> times faster, with injected faults. The night
/// starts at the first connection; its clock then runs at <c>speed</c> × the <see cref="TimeProvider"/>.
/// Notifications carry night-time instants. Thread-safe.
/// </summary>
public sealed class SimulatedWearableAdapter : IBleAdapter, IAsyncDisposable
{
    /// <summary>The demo wearable's id.</summary>
    public const string DeviceId = "demo";

    private readonly SimulationOptions _options;
    private readonly NightSimulator _simulator;
    private readonly TimeProvider _time;
    private readonly double _speed;
    private readonly FaultPlan _faults;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private SimulatedConnection? _connection;
    private Task? _playback;
    private DateTimeOffset _wallStart;
    private int _connectFailuresLeft;
    private DateTimeOffset _played;
    private volatile bool _finished;
    private long _waitingForTicks = long.MinValue;
    private TaskCompletionSource _parked = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Creates the wearable; nothing plays until the first connection.</summary>
    public SimulatedWearableAdapter(SimulationOptions options, TimeProvider time, double speed = 1, FaultPlan? faults = null)
    {
        _options = options;
        _simulator = new NightSimulator(options);
        _time = time;
        _speed = Math.Max(0.001, speed);
        _faults = faults ?? FaultPlan.None;
        _connectFailuresLeft = _faults.ConnectFailures;
        _played = options.Start;
        Services = options.Device.Services;
    }

    /// <summary>The night being played (the truth for tests and the demo).</summary>
    public GroundTruth Truth => _simulator.Truth;

    /// <summary>The wearable's advertised name.</summary>
    public string Name => _simulator.Header.Device ?? "NightLeg demo wearable";

    /// <summary>Its services.</summary>
    public IReadOnlyList<Guid> Services { get; }

    /// <summary>True once the whole night has been played.</summary>
    public bool Finished => _finished;

    /// <summary>The night-time instant of the latest notification played (the playback may run behind <see cref="NightNow"/>).</summary>
    public DateTimeOffset Played => _played;

    /// <summary>The night-time instant now.</summary>
    public DateTimeOffset NightNow =>
        _playback is null ? _options.Start : _options.Start + ((_time.GetUtcNow() - _wallStart) * _speed);

    /// <summary>
    /// Completes once the playback has played everything due by the clock now and is waiting for the
    /// clock (or has not started, or has finished): how a test on a fake clock knows the wearable has
    /// caught up before it moves the clock on.
    /// </summary>
    public async Task CaughtUpAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var parked = Volatile.Read(ref _parked);
            if (_playback is null || _finished || _stop.IsCancellationRequested || Interlocked.Read(ref _waitingForTicks) > NightNow.UtcTicks)
            {
                return;
            }

            await parked.Task.WaitAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public Task<BleAdapterState> GetStateAsync(CancellationToken cancellationToken) => Task.FromResult(BleAdapterState.Ready);

    /// <inheritdoc />
    public Task<IReadOnlyList<BleAdvertisement>> ScanAsync(IReadOnlyList<Guid> serviceFilter, TimeSpan duration, CancellationToken cancellationToken)
    {
        IReadOnlyList<BleAdvertisement> found = serviceFilter.Count == 0 || serviceFilter.Any(Services.Contains)
            ? [new BleAdvertisement(DeviceId, Name, -48, Services)]
            : [];
        return Task.FromResult(found);
    }

    /// <inheritdoc />
    public async Task<IBleConnection> ConnectAsync(string deviceId, CancellationToken cancellationToken)
    {
        if (deviceId != DeviceId)
        {
            throw new BleException(BleErrorKind.NotFound, $"no device {deviceId}");
        }

        lock (_gate)
        {
            if (_playback is null)
            {
                _wallStart = _time.GetUtcNow();
                _playback = Task.Run(() => PlayAsync(_stop.Token), CancellationToken.None);
            }

            if (_connectFailuresLeft > 0)
            {
                _connectFailuresLeft--;
                throw new BleException(BleErrorKind.Failed, "le-connection-abort-by-local (injected)");
            }

            if (Finished || _faults.LinkLosses.Any(w => w.Contains(NightNow - _options.Start)))
            {
                throw new BleException(BleErrorKind.Failed, "Device is not reachable (out of range)");
            }

            _connection?.Lose("replaced by a new connection");
            _connection = new SimulatedConnection(this, _options.Device.Motion?.CreateResponder(new SimulatedResponderFaults(_faults.AccStartStatus)), _faults.LateServices > TimeSpan.Zero ? Task.Delay(_faults.LateServices, _time, cancellationToken) : Task.CompletedTask);
        }

        await Task.Yield();
        return _connection;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_playback is not null)
        {
            await _playback.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _stop.Dispose();
    }

    internal void Detach(SimulatedConnection connection)
    {
        lock (_gate)
        {
            if (_connection == connection)
            {
                _connection = null;
            }
        }
    }

    /// <summary>A host wrote to a characteristic: the wearable's responder answers as the real sensor does.</summary>
    internal void OnWrite(SimulatedConnection connection, Guid characteristic, byte[] value)
    {
        foreach (var (uuid, payload) in connection.Responder?.OnWrite(characteristic, value) ?? [])
        {
            connection.Deliver(new GattNotification(_played, uuid, payload));
        }
    }

    private async Task PlayAsync(CancellationToken cancellationToken)
    {
        try
        {
            await PlayNotificationsAsync(cancellationToken);
        }
        finally
        {
            Park(long.MaxValue);
        }
    }

    /// <summary>The playback waits for the clock to reach <paramref name="ticks"/> (its timer armed): whoever waits for it to catch up may look.</summary>
    private void Park(long ticks)
    {
        Interlocked.Exchange(ref _waitingForTicks, ticks);
        Interlocked.Exchange(ref _parked, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    private async Task PlayNotificationsAsync(CancellationToken cancellationToken)
    {
        foreach (var notification in _simulator.Notifications())
        {
            var wait = (notification.ReceivedAt - NightNow) / _speed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                var due = Task.Delay(wait, _time, cancellationToken);
                Park(notification.ReceivedAt.UtcTicks);
                try
                {
                    await due;
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            var offset = notification.ReceivedAt - _options.Start;
            _played = notification.ReceivedAt;
            SimulatedConnection? connection;
            lock (_gate)
            {
                connection = _connection;
                if (connection is not null && _faults.LinkLosses.Any(w => w.Contains(offset)))
                {
                    connection.Lose("link lost (out of range)");
                    _connection = null;
                    connection = null;
                }
            }

            if (connection is null || _faults.Silences.Any(w => w.Contains(offset)))
            {
                continue;
            }

            // A stream this connection has not started sends nothing; the night's own answers are replaced by the answers to its writes.
            if (connection.Responder is { } responder && !responder.Passes(notification.Characteristic))
            {
                continue;
            }

            connection.Deliver(notification);
        }

        _finished = true;
        lock (_gate)
        {
            _connection?.Lose("the demo night is over");
            _connection = null;
        }
    }
}
