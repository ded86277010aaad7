using System.Collections.Concurrent;
using NightLeg.Sync.Gatt;
using Tmds.DBus.Protocol;

namespace NightLeg.Tests.Fakes;

/// <summary>
/// A fake <c>org.bluez</c> on a D-Bus connection: one adapter (hci0) and one heart-rate strap with the
/// Heart Rate and Battery services, behaving like BlueZ where NightLeg cares: discovery exports the
/// device, Connect sets Connected then ServicesResolved and exports the GATT objects (optionally
/// late), notifications are PropertiesChanged of Value, errors can be injected.
/// </summary>
public sealed class FakeBlueZ : IPathMethodHandler, IDisposable
{
    public const string AdapterPath = "/org/bluez/hci0";
    public const string DeviceAddress = "AA:BB:CC:DD:EE:FF";
    public const string DevicePath = AdapterPath + "/dev_AA_BB_CC_DD_EE_FF";
    public const string HrServicePath = DevicePath + "/service000c";
    public const string HrCharPath = HrServicePath + "/char000d";
    public const string BatteryServicePath = DevicePath + "/service0020";
    public const string BatteryCharPath = BatteryServicePath + "/char0021";

    private readonly DBusConnection _connection;
    private readonly ConcurrentDictionary<string, Dictionary<string, Dictionary<string, VariantValue>>> _objects = new();
    private readonly Lock _gate = new();
    private bool _discovering;

    private FakeBlueZ(DBusConnection connection)
    {
        _connection = connection;
        _objects[AdapterPath] = new()
        {
            ["org.bluez.Adapter1"] = new() { ["Address"] = VariantValue.String("00:1A:7D:DA:71:13"), ["Powered"] = VariantValue.Bool(false), ["Discovering"] = VariantValue.Bool(false) },
        };
    }

    public string Path => "/";

    public bool HandlesChildPaths => true;

    /// <summary>Errors the next Connect calls answer with, in order: a full error name, optionally followed by ": message".</summary>
    public ConcurrentQueue<string> ConnectErrors { get; } = new();

    /// <summary>
    /// BlueZ serves a stale cache of the strap's services (as after a firmware update): the Heart Rate
    /// service is there, its measurement characteristic is not — until the device is removed and found again.
    /// </summary>
    public bool StaleCache { get; set; }

    /// <summary>The stale cache comes back even after the device is removed (a strap whose services really changed).</summary>
    public bool StaleCacheSticky { get; set; }

    public int RemoveDeviceCalls;
    public int ConnectCalls;
    public int ManagedObjectsCalls;

    /// <summary>Every value Adapter1.Powered was set to, in order.</summary>
    public List<bool> PoweredHistory { get; } = [];

    /// <summary>Connect answers NotPermitted until the device is paired.</summary>
    public bool RequiresPairing { get; set; }

    /// <summary>When set, GATT objects appear only once this completes, after ServicesResolved turned true (as BlueZ may do).</summary>
    public TaskCompletionSource? LateCharacteristics { get; set; }

    /// <summary>Connect never answers (to test timeouts).</summary>
    public bool ConnectHangs { get; set; }

    public int StartNotifyCalls;
    public int StopNotifyCalls;
    public int PairCalls;

    public Dictionary<string, VariantValue>? LastDiscoveryFilter { get; private set; }

    public List<byte[]> Writes { get; } = [];

    public bool Trusted => Property(DevicePath, "org.bluez.Device1", "Trusted") is { } t && t.GetBool();

    public bool Notifying => Property(HrCharPath, "org.bluez.GattCharacteristic1", "Notifying") is { } v && v.GetBool();

    public static async Task<FakeBlueZ> StartAsync(string address)
    {
        var connection = new DBusConnection(address);
        await connection.ConnectAsync();
        var fake = new FakeBlueZ(connection);
        connection.AddMethodHandler(fake);
        await connection.RequestNameAsync("org.bluez", RequestNameOptions.Default);
        return fake;
    }

    /// <summary>The strap notifies a heart-rate measurement (only delivered while notifying, as in BlueZ).</summary>
    public void Notify(byte[] value)
    {
        if (Notifying)
        {
            SetProperty(HrCharPath, "org.bluez.GattCharacteristic1", "Value", VariantValue.Array(value));
        }
    }

    /// <summary>The strap goes out of range: Connected false, GATT objects removed.</summary>
    public void LoseLink()
    {
        SetProperty(DevicePath, "org.bluez.Device1", "ServicesResolved", VariantValue.Bool(false));
        SetProperty(DevicePath, "org.bluez.Device1", "Connected", VariantValue.Bool(false));
        RemoveGatt();
    }

    /// <summary>BlueZ reconnects a trusted device by itself (as it does for devices it remembers).</summary>
    public void ReconnectByItself()
    {
        SetProperty(DevicePath, "org.bluez.Device1", "Connected", VariantValue.Bool(true));
        SetProperty(DevicePath, "org.bluez.Device1", "ServicesResolved", VariantValue.Bool(true));
        ExportGatt();
    }

    /// <summary>True while BlueZ has the device.</summary>
    public bool Knows => _objects.ContainsKey(DevicePath);

    /// <summary>BlueZ ≥ 5.83 announces a lost link with Device1.Disconnected(reason, message).</summary>
    public void EmitDisconnected(string reason)
    {
        using var writer = _connection.GetMessageWriter();
        writer.WriteSignalHeader(path: DevicePath, @interface: "org.bluez.Device1", member: "Disconnected", signature: "ss");
        writer.WriteString(reason);
        writer.WriteString("Connection timeout");
        _connection.TrySendMessage(writer.CreateMessage());
    }

    /// <summary>Another client (a desktop applet, bluetoothctl) started discovery.</summary>
    public void StartDiscoveryElsewhere() => _discovering = true;

    /// <summary>True while discovery runs.</summary>
    public bool Discovering => _discovering;

    /// <summary>Discovery was still running when Connect was called.</summary>
    public bool ConnectedWhileDiscovering { get; private set; }

    /// <summary>BlueZ forgets the device (e.g. unpaired devices ≈30 s after discovery stops).</summary>
    public void RemoveDevice()
    {
        RemoveGatt();
        if (_objects.TryRemove(DevicePath, out var ifaces))
        {
            EmitInterfacesRemoved(DevicePath, ifaces.Keys.ToArray());
        }
    }

    public void ExportDevice()
    {
        if (_objects.ContainsKey(DevicePath))
        {
            return;
        }

        var props = new Dictionary<string, VariantValue>
        {
            ["Address"] = VariantValue.String(DeviceAddress),
            ["Name"] = VariantValue.String("HRM-Pro 4711"),
            ["RSSI"] = VariantValue.Int16(-61),
            ["UUIDs"] = VariantValue.Array(new[] { GattUuids.HeartRateService.ToString("D"), GattUuids.BatteryService.ToString("D") }),
            ["Connected"] = VariantValue.Bool(false),
            ["ServicesResolved"] = VariantValue.Bool(false),
            ["Paired"] = VariantValue.Bool(false),
            ["Trusted"] = VariantValue.Bool(false),
        };
        _objects[DevicePath] = new() { ["org.bluez.Device1"] = props };
        EmitInterfacesAdded(DevicePath, _objects[DevicePath]);
    }

    public ValueTask HandleMethodAsync(MethodContext context)
    {
        var request = context.Request;
        var path = request.PathAsString ?? "/";
        var iface = request.InterfaceAsString;
        var member = request.MemberAsString;
        switch (iface, member)
        {
            case ("org.freedesktop.DBus.ObjectManager", "GetManagedObjects"):
                Interlocked.Increment(ref ManagedObjectsCalls);
                ReplyManagedObjects(context);
                break;
            case ("org.freedesktop.DBus.Properties", "Set"):
                {
                    var reader = request.GetBodyReader();
                    var targetIface = reader.ReadString();
                    var name = reader.ReadString();
                    var value = reader.ReadVariantValue();
                    if (targetIface == "org.bluez.Adapter1" && name == "Powered")
                    {
                        lock (_gate)
                        {
                            PoweredHistory.Add(value.GetBool());
                        }
                    }

                    SetProperty(path, targetIface, name, value);
                    ReplyEmpty(context);
                    break;
                }

            case ("org.bluez.Adapter1", "RemoveDevice"):
                Interlocked.Increment(ref RemoveDeviceCalls);
                StaleCache = StaleCacheSticky;
                RemoveDevice();
                ReplyEmpty(context);
                break;

            case ("org.bluez.Adapter1", "SetDiscoveryFilter"):
                LastDiscoveryFilter = request.GetBodyReader().ReadDictionaryOfStringToVariantValue();
                ReplyEmpty(context);
                break;
            case ("org.bluez.Adapter1", "StartDiscovery"):
                _discovering = true;
                ReplyEmpty(context);
                ExportDevice();
                break;
            case ("org.bluez.Adapter1", "StopDiscovery"):
                if (!_discovering)
                {
                    context.ReplyError("org.bluez.Error.Failed", "No discovery started");
                    break;
                }

                _discovering = false;
                ReplyEmpty(context);
                break;
            case ("org.bluez.Device1", "Connect"):
                return ConnectAsync(context);
            case ("org.bluez.Device1", "Disconnect"):
                ReplyEmpty(context);
                SetProperty(DevicePath, "org.bluez.Device1", "Connected", VariantValue.Bool(false));
                RemoveGatt();
                break;
            case ("org.bluez.Device1", "Pair"):
                Interlocked.Increment(ref PairCalls);
                SetProperty(DevicePath, "org.bluez.Device1", "Paired", VariantValue.Bool(true));
                ReplyEmpty(context);
                break;
            case ("org.bluez.GattCharacteristic1", "StartNotify"):
                Interlocked.Increment(ref StartNotifyCalls);
                SetProperty(path, "org.bluez.GattCharacteristic1", "Notifying", VariantValue.Bool(true));
                ReplyEmpty(context);
                break;
            case ("org.bluez.GattCharacteristic1", "StopNotify"):
                Interlocked.Increment(ref StopNotifyCalls);
                if (_objects.ContainsKey(path))
                {
                    SetProperty(path, "org.bluez.GattCharacteristic1", "Notifying", VariantValue.Bool(false));
                }

                ReplyEmpty(context);
                break;
            case ("org.bluez.GattCharacteristic1", "ReadValue"):
                ReplyBytes(context, path == BatteryCharPath ? [76] : [0x06, 0x3C]);
                break;
            case ("org.bluez.GattCharacteristic1", "WriteValue"):
                lock (_gate)
                {
                    Writes.Add(request.GetBodyReader().ReadArrayOfByte());
                }

                ReplyEmpty(context);
                break;
            default:
                context.ReplyError("org.freedesktop.DBus.Error.UnknownMethod", $"{iface}.{member} on {path}");
                break;
        }

        return ValueTask.CompletedTask;
    }

    public void Dispose() => _connection.Dispose();

    private async ValueTask ConnectAsync(MethodContext context)
    {
        ConnectedWhileDiscovering |= _discovering;
        if (ConnectHangs)
        {
            // Never answers (returning without a reply would make the library answer with an error), until the call is dropped.
            var dropped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await using (context.RequestAborted.Register(() => dropped.TrySetResult()))
            {
                await dropped.Task;
            }

            return;
        }

        Interlocked.Increment(ref ConnectCalls);
        if (ConnectErrors.TryDequeue(out var error))
        {
            var parts = error.Split(": ", 2);
            context.ReplyError(parts[0], parts.Length > 1 ? parts[1] : "injected");
            return;
        }

        if (RequiresPairing && !(Property(DevicePath, "org.bluez.Device1", "Paired") is { } paired && paired.GetBool()))
        {
            context.ReplyError("org.bluez.Error.NotPermitted", "pairing required");
            return;
        }

        SetProperty(DevicePath, "org.bluez.Device1", "Connected", VariantValue.Bool(true));
        ReplyEmpty(context);
        SetProperty(DevicePath, "org.bluez.Device1", "ServicesResolved", VariantValue.Bool(true));
        if (LateCharacteristics is { } late)
        {
            await late.Task;
        }

        ExportGatt();
    }

    private void ExportGatt()
    {
        Export(HrServicePath, "org.bluez.GattService1", new() { ["UUID"] = VariantValue.String(GattUuids.HeartRateService.ToString("D")), ["Device"] = VariantValue.ObjectPath(new ObjectPath(DevicePath)) });
        if (!StaleCache)
        {
            Export(HrCharPath, "org.bluez.GattCharacteristic1", new()
            {
                ["UUID"] = VariantValue.String(GattUuids.HeartRateMeasurement.ToString("D")),
                ["Service"] = VariantValue.ObjectPath(new ObjectPath(HrServicePath)),
                ["Notifying"] = VariantValue.Bool(false),
                ["Flags"] = VariantValue.Array(new[] { "notify" }),
            });
        }
        Export(BatteryServicePath, "org.bluez.GattService1", new() { ["UUID"] = VariantValue.String(GattUuids.BatteryService.ToString("D")), ["Device"] = VariantValue.ObjectPath(new ObjectPath(DevicePath)) });
        Export(BatteryCharPath, "org.bluez.GattCharacteristic1", new()
        {
            ["UUID"] = VariantValue.String(GattUuids.BatteryLevel.ToString("D")),
            ["Service"] = VariantValue.ObjectPath(new ObjectPath(BatteryServicePath)),
            ["Notifying"] = VariantValue.Bool(false),
            ["Flags"] = VariantValue.Array(new[] { "read", "notify" }),
        });

        void Export(string path, string iface, Dictionary<string, VariantValue> props)
        {
            _objects[path] = new() { [iface] = props };
            EmitInterfacesAdded(path, _objects[path]);
        }
    }

    private void RemoveGatt()
    {
        foreach (var path in new[] { HrCharPath, HrServicePath, BatteryCharPath, BatteryServicePath })
        {
            if (_objects.TryRemove(path, out var ifaces))
            {
                EmitInterfacesRemoved(path, ifaces.Keys.ToArray());
            }
        }
    }

    private VariantValue? Property(string path, string iface, string name) =>
        _objects.TryGetValue(path, out var ifaces) && ifaces.TryGetValue(iface, out var props) && props.TryGetValue(name, out var v) ? v : (VariantValue?)null;

    private void SetProperty(string path, string iface, string name, VariantValue value)
    {
        lock (_gate)
        {
            if (_objects.TryGetValue(path, out var ifaces) && ifaces.TryGetValue(iface, out var props))
            {
                props[name] = value;
            }
        }

        using var writer = _connection.GetMessageWriter();
        writer.WriteSignalHeader(path: path, @interface: "org.freedesktop.DBus.Properties", member: "PropertiesChanged", signature: "sa{sv}as");
        writer.WriteString(iface);
        writer.WriteDictionary(new Dictionary<string, VariantValue> { [name] = value });
        writer.WriteArray(Array.Empty<string>());
        _connection.TrySendMessage(writer.CreateMessage());
    }

    private void EmitInterfacesAdded(string path, Dictionary<string, Dictionary<string, VariantValue>> ifaces)
    {
        using var writer = _connection.GetMessageWriter();
        writer.WriteSignalHeader(path: "/", @interface: "org.freedesktop.DBus.ObjectManager", member: "InterfacesAdded", signature: "oa{sa{sv}}");
        writer.WriteObjectPath(path);
        var start = writer.WriteDictionaryStart();
        foreach (var (iface, props) in ifaces)
        {
            writer.WriteDictionaryEntryStart();
            writer.WriteString(iface);
            writer.WriteDictionary(props);
        }

        writer.WriteDictionaryEnd(start);
        _connection.TrySendMessage(writer.CreateMessage());
    }

    private void EmitInterfacesRemoved(string path, string[] ifaces)
    {
        using var writer = _connection.GetMessageWriter();
        writer.WriteSignalHeader(path: "/", @interface: "org.freedesktop.DBus.ObjectManager", member: "InterfacesRemoved", signature: "oas");
        writer.WriteObjectPath(path);
        writer.WriteArray(ifaces);
        _connection.TrySendMessage(writer.CreateMessage());
    }

    private void ReplyManagedObjects(MethodContext context)
    {
        using var writer = context.CreateReplyWriter("a{oa{sa{sv}}}");
        var outer = writer.WriteDictionaryStart();
        lock (_gate)
        {
            foreach (var (path, ifaces) in _objects)
            {
                writer.WriteDictionaryEntryStart();
                writer.WriteObjectPath(path);
                var inner = writer.WriteDictionaryStart();
                foreach (var (iface, props) in ifaces)
                {
                    writer.WriteDictionaryEntryStart();
                    writer.WriteString(iface);
                    writer.WriteDictionary(props);
                }

                writer.WriteDictionaryEnd(inner);
            }
        }

        writer.WriteDictionaryEnd(outer);
        context.Reply(writer.CreateMessage());
    }

    private static void ReplyEmpty(MethodContext context)
    {
        using var writer = context.CreateReplyWriter(string.Empty);
        context.Reply(writer.CreateMessage());
    }

    private static void ReplyBytes(MethodContext context, byte[] value)
    {
        using var writer = context.CreateReplyWriter("ay");
        writer.WriteArray(value);
        context.Reply(writer.CreateMessage());
    }
}
