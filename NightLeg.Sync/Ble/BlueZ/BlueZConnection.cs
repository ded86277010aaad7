using Tmds.DBus.Protocol;

namespace NightLeg.Sync.Ble.BlueZ;

/// <summary>
/// A connected BlueZ device. The link counts as lost when <c>Connected</c> turns false, when BlueZ
/// sends <c>Disconnected</c> (BlueZ ≥ 5.83), or when the device object is removed.
/// </summary>
internal sealed class BlueZConnection : IBleConnection
{
    private readonly BlueZBus _bus;
    private readonly TimeProvider _time;
    private readonly TaskCompletionSource<BleDisconnect> _disconnected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<IDisposable> _watches = [];
    private readonly Dictionary<(Guid Service, Guid Characteristic), string> _characteristics = [];
    private bool _intended;

    public BlueZConnection(BlueZBus bus, string devicePath, string? name, string deviceId, TimeProvider time)
    {
        _bus = bus;
        DevicePath = devicePath;
        Name = name;
        DeviceId = deviceId;
        _time = time;
    }

    public string DevicePath { get; }

    public string DeviceId { get; }

    public string? Name { get; }

    public IReadOnlyList<Guid> Services { get; private set; } = [];

    public Task<BleDisconnect> Disconnected => _disconnected.Task;

    public async Task StartWatchingAsync()
    {
        _watches.Add(await _bus.WatchPropertiesAsync(DevicePath, (iface, changed) =>
        {
            if (iface == BlueZNames.Device && changed.TryGetValue("Connected", out var connected) && !connected.GetBool())
            {
                End(_intended, _intended ? "disconnected by NightLeg" : "link lost (Connected = false)");
            }
        }));
        _watches.Add(await _bus.WatchSignalAsync(DevicePath, BlueZNames.Device, "Disconnected", (_, reason) =>
            End(_intended, $"link lost ({reason ?? "Disconnected"})")));
        _watches.Add(await _bus.WatchSignalAsync("/", BlueZNames.ObjectManager, "InterfacesRemoved", (_, removed) =>
        {
            if (removed == DevicePath)
            {
                End(false, "the device was removed");
            }
        }));
    }

    /// <summary>Records the services and characteristics under the device; true once there is at least one characteristic.</summary>
    public bool Resolve(ManagedObjects objects)
    {
        var prefix = DevicePath + "/";
        var services = objects.WithInterface(BlueZNames.GattService).Where(s => s.Path.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(s => s.Path, s => Guid.Parse(ManagedObjects.String(s.Properties, "UUID")!));
        _characteristics.Clear();
        foreach (var (path, properties) in objects.WithInterface(BlueZNames.GattCharacteristic).Where(c => c.Path.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var servicePath = properties.TryGetValue("Service", out var s) ? s.GetObjectPathAsString() : path[..path.LastIndexOf('/')];
            if (services.TryGetValue(servicePath, out var service))
            {
                _characteristics[(service, Guid.Parse(ManagedObjects.String(properties, "UUID")!))] = path;
            }
        }

        Services = services.Values.Distinct().ToList();
        return _characteristics.Count > 0;
    }

    public Task<IBleCharacteristic> GetCharacteristicAsync(Guid service, Guid characteristic, CancellationToken cancellationToken)
    {
        if (_disconnected.Task.IsCompleted)
        {
            throw new BleException(BleErrorKind.NotConnected, "not connected");
        }

        if (_characteristics.TryGetValue((service, characteristic), out var path))
        {
            return Task.FromResult<IBleCharacteristic>(new BlueZCharacteristic(_bus, path, characteristic, _time));
        }

        // The service is there but not its characteristic: BlueZ is serving a stale cache of the device.
        throw Services.Contains(service)
            ? new BleException(BleErrorKind.MissingCharacteristic, $"service {service} is there but its characteristic {characteristic} is not")
            : new BleException(BleErrorKind.NotFound, $"characteristic {characteristic} of service {service} not found");
    }

    public async Task DisconnectAsync(CancellationToken cancellationToken)
    {
        _intended = true;
        if (!_disconnected.Task.IsCompleted)
        {
            try
            {
                await _bus.CallAsync(DevicePath, BlueZNames.Device, "Disconnect", cancellationToken);
            }
            catch (BleException)
            {
                // Already gone: the link is down either way.
            }
        }

        End(true, "disconnected by NightLeg");
    }

    public async ValueTask DisposeAsync()
    {
        await DisconnectAsync(CancellationToken.None);
        foreach (var watch in _watches)
        {
            watch.Dispose();
        }
    }

    private void End(bool intended, string reason) => _disconnected.TrySetResult(new BleDisconnect(intended, reason));
}
