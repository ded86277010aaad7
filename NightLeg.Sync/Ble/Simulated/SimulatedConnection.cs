using System.Collections.Concurrent;
using NightLeg.Sync.Gatt;
using NightLeg.Sync.Simulation;

namespace NightLeg.Sync.Ble.Simulated;

/// <summary>One connection to the simulated wearable.</summary>
internal sealed class SimulatedConnection : IBleConnection
{
    private readonly SimulatedWearableAdapter _adapter;
    private readonly Task _servicesResolved;
    private readonly ConcurrentDictionary<Guid, Action<GattNotification>> _subscribers = new();
    private readonly TaskCompletionSource<BleDisconnect> _disconnected = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SimulatedConnection(SimulatedWearableAdapter adapter, ISimulatedResponder? responder, Task servicesResolved)
    {
        _adapter = adapter;
        Responder = responder;
        _servicesResolved = servicesResolved;
    }

    public string DeviceId => SimulatedWearableAdapter.DeviceId;

    public string? Name => _adapter.Name;

    public IReadOnlyList<Guid> Services => _adapter.Services;

    public Task<BleDisconnect> Disconnected => _disconnected.Task;

    /// <summary>What answers this connection's writes (the sensor's own protocol state, such as which streams it started).</summary>
    public ISimulatedResponder? Responder { get; }

    public async Task<IBleCharacteristic> GetCharacteristicAsync(Guid service, Guid characteristic, CancellationToken cancellationToken)
    {
        // Like BlueZ: the characteristic objects appear only once services have resolved.
        await _servicesResolved.WaitAsync(cancellationToken);
        if (_disconnected.Task.IsCompleted)
        {
            throw new BleException(BleErrorKind.NotConnected, "not connected");
        }

        if (!_adapter.Services.Contains(service))
        {
            throw new BleException(BleErrorKind.NotFound, $"service {service} not offered");
        }

        return new Characteristic(this, characteristic);
    }

    public Task DisconnectAsync(CancellationToken cancellationToken)
    {
        End(new BleDisconnect(true, "disconnected by NightLeg"));
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        End(new BleDisconnect(true, "disconnected by NightLeg"));
        return ValueTask.CompletedTask;
    }

    public void Lose(string reason) => End(new BleDisconnect(false, reason));

    public void Deliver(in GattNotification notification)
    {
        if (!_disconnected.Task.IsCompleted && _subscribers.TryGetValue(notification.Characteristic, out var handler))
        {
            handler(notification);
        }
    }

    private void End(BleDisconnect how)
    {
        if (_disconnected.TrySetResult(how))
        {
            _subscribers.Clear();
            _adapter.Detach(this);
        }
    }

    private sealed class Characteristic(SimulatedConnection connection, Guid uuid) : IBleCharacteristic
    {
        public Guid Uuid => uuid;

        public Task<byte[]> ReadAsync(CancellationToken cancellationToken) =>
            uuid == GattUuids.BatteryLevel ? Task.FromResult(new byte[] { 87 })
            : uuid == GattUuids.BodySensorLocation ? Task.FromResult(new byte[] { 1 })
            : throw new BleException(BleErrorKind.NotPermitted, $"{uuid} cannot be read");

        public Task WriteAsync(byte[] value, CancellationToken cancellationToken)
        {
            if (connection._disconnected.Task.IsCompleted)
            {
                throw new BleException(BleErrorKind.NotConnected, "not connected");
            }

            connection._adapter.OnWrite(connection, uuid, value);

            return Task.CompletedTask;
        }

        public Task<IAsyncDisposable> SubscribeAsync(Action<GattNotification> onNotification, CancellationToken cancellationToken)
        {
            if (connection._disconnected.Task.IsCompleted)
            {
                throw new BleException(BleErrorKind.NotConnected, "not connected");
            }

            connection._subscribers[uuid] = onNotification;
            return Task.FromResult<IAsyncDisposable>(new Subscription(connection, uuid));
        }
    }

    private sealed class Subscription(SimulatedConnection connection, Guid uuid) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            connection._subscribers.TryRemove(uuid, out _);
            return ValueTask.CompletedTask;
        }
    }
}
