namespace NightLeg.Sync.Ble.Relay;

/// <summary>The wearable as the phone holds it: its services, and characteristics reached through commands to the page.</summary>
internal sealed class RelayConnection(BrowserRelay relay, BrowserRelay.Link link, string? name, IReadOnlyList<Guid> services) : IBleConnection
{
    private readonly TaskCompletionSource<BleDisconnect> _disconnected = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string DeviceId => link.DeviceId;

    public string? Name { get; } = name;

    public IReadOnlyList<Guid> Services { get; } = services;

    public Task<BleDisconnect> Disconnected => _disconnected.Task;

    public void Lost(string reason) => _disconnected.TrySetResult(new BleDisconnect(false, reason));

    public async Task<IBleCharacteristic> GetCharacteristicAsync(Guid service, Guid characteristic, CancellationToken cancellationToken)
    {
        if (!Services.Contains(service))
        {
            throw new BleException(BleErrorKind.NotFound, $"{Name ?? DeviceId} offers no service {service}");
        }

        await relay.AskAsync(link, new RelayCommand(link.NextCommandId(), RelayOp.Char, service.ToString(), characteristic.ToString()), cancellationToken);
        return new RelayCharacteristic(relay, link, this, service, characteristic);
    }

    public Task DisconnectAsync(CancellationToken cancellationToken)
    {
        // On purpose (a silent link): the page drops the link and connects again.
        link.Ended(this);
        link.Commands.Writer.TryWrite(new RelayCommand(link.NextCommandId(), RelayOp.Reconnect));
        _disconnected.TrySetResult(new BleDisconnect(true, "disconnected on purpose"));
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        link.Ended(this);
        _disconnected.TrySetResult(new BleDisconnect(true, "closed"));
        return ValueTask.CompletedTask;
    }
}

/// <summary>A characteristic on the phone's link.</summary>
internal sealed class RelayCharacteristic(BrowserRelay relay, BrowserRelay.Link link, RelayConnection connection, Guid service, Guid uuid) : IBleCharacteristic
{
    public Guid Uuid { get; } = uuid;

    public async Task<byte[]> ReadAsync(CancellationToken cancellationToken)
    {
        var reply = await relay.AskAsync(link, Command(RelayOp.Read), cancellationToken);
        return reply.V is { } v ? Convert.FromBase64String(v) : [];
    }

    public Task WriteAsync(byte[] value, CancellationToken cancellationToken) =>
        relay.AskAsync(link, Command(RelayOp.Write) with { V = Convert.ToBase64String(value) }, cancellationToken);

    public async Task<IAsyncDisposable> SubscribeAsync(Action<GattNotification> onNotification, CancellationToken cancellationToken)
    {
        link.Subscribers[Uuid] = onNotification;
        await relay.AskAsync(link, Command(RelayOp.Subscribe), cancellationToken);
        return new Subscription(this);
    }

    private RelayCommand Command(RelayOp op) => new(link.NextCommandId(), op, service.ToString(), Uuid.ToString());

    private void Unsubscribe()
    {
        // The handler stays until the page says the link is gone or a new subscription replaces it:
        // what the page sent before it heard this (it may hold minutes of it) is still the night's.
        if (!connection.Disconnected.IsCompleted)
        {
            link.Commands.Writer.TryWrite(Command(RelayOp.Unsubscribe));
        }
    }

    private sealed class Subscription(RelayCharacteristic characteristic) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            characteristic.Unsubscribe();
            return ValueTask.CompletedTask;
        }
    }
}
