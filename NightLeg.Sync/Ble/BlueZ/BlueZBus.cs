using Tmds.DBus.Protocol;

namespace NightLeg.Sync.Ble.BlueZ;

/// <summary>
/// The D-Bus calls NightLeg makes to BlueZ, each built in a non-async helper (MessageWriter is a
/// ref struct), each with a timeout, each BlueZ error mapped to a <see cref="BleException"/>.
/// </summary>
internal sealed class BlueZBus(DBusConnection connection, TimeProvider time, TimeSpan timeout)
{
    public DBusConnection Connection { get; } = connection;

    public Task<ManagedObjects> GetManagedObjectsAsync(CancellationToken ct) =>
        Run(Connection.CallMethodAsync(Call("/", BlueZNames.ObjectManager, "GetManagedObjects", null), ManagedObjects.Read), "GetManagedObjects", ct);

    public Task SetAsync(string path, string iface, string property, bool value, CancellationToken ct) =>
        Run(Connection.CallMethodAsync(SetBool(path, iface, property, value)), $"Set {property}", ct);

    public Task CallAsync(string path, string iface, string member, CancellationToken ct) =>
        Run(Connection.CallMethodAsync(Call(path, iface, member, null)), member, ct);

    public Task RemoveDeviceAsync(string adapter, string device, CancellationToken ct) =>
        Run(Connection.CallMethodAsync(RemoveDevice(adapter, device)), "RemoveDevice", ct);

    public Task SetDiscoveryFilterAsync(string adapter, IReadOnlyList<Guid> uuids, CancellationToken ct) =>
        Run(Connection.CallMethodAsync(DiscoveryFilter(adapter, uuids)), "SetDiscoveryFilter", ct);

    public Task<byte[]> ReadValueAsync(string characteristic, CancellationToken ct) =>
        Run(Connection.CallMethodAsync(ReadValue(characteristic), (m, _) => m.GetBodyReader().ReadArrayOfByte()), "ReadValue", ct);

    public Task WriteValueAsync(string characteristic, byte[] value, CancellationToken ct) =>
        Run(Connection.CallMethodAsync(WriteValue(characteristic, value)), "WriteValue", ct);

    public Task<IDisposable> WatchPropertiesAsync(string path, Action<string, Dictionary<string, VariantValue>> onChanged) =>
        Run(Connection.AddMatchAsync(
            new MatchRule { Type = MessageType.Signal, Interface = BlueZNames.Properties, Member = "PropertiesChanged", Path = path },
            (m, _) =>
            {
                var reader = m.GetBodyReader();
                return (Interface: reader.ReadString(), Changed: reader.ReadDictionaryOfStringToVariantValue());
            },
            (Notification<(string Interface, Dictionary<string, VariantValue> Changed)> n) =>
            {
                if (n.HasValue)
                {
                    onChanged(n.Value.Interface, n.Value.Changed);
                }
            },
            false, ObserverFlags.None, null).AsTask(), "AddMatch PropertiesChanged", CancellationToken.None);

    /// <summary>Watches a signal; the handler gets the signal's object path and its first argument when that is an object path or string.</summary>
    public Task<IDisposable> WatchSignalAsync(string? path, string iface, string member, Action<string, string?> onSignal) =>
        Run(Connection.AddMatchAsync(
            new MatchRule { Type = MessageType.Signal, Interface = iface, Member = member, Path = path },
            (m, _) =>
            {
                var reader = m.GetBodyReader();
                var signature = m.SignatureAsString;
                string? first = signature.StartsWith('o') ? reader.ReadObjectPathAsString() : signature.StartsWith('s') ? reader.ReadString() : null;
                return (Path: m.PathAsString ?? string.Empty, First: first);
            },
            (Notification<(string Path, string? First)> n) =>
            {
                if (n.HasValue)
                {
                    onSignal(n.Value.Path, n.Value.First);
                }
            },
            false, ObserverFlags.None, null).AsTask(), $"AddMatch {member}", CancellationToken.None);

    private async Task<T> Run<T>(Task<T> call, string what, CancellationToken ct)
    {
        try
        {
            return await call.WaitAsync(timeout, time, ct);
        }
        catch (TimeoutException e)
        {
            throw new BleException(BleErrorKind.Timeout, $"BlueZ {what} did not answer within {timeout.TotalSeconds:0} s", e);
        }
        catch (DBusErrorReplyException e)
        {
            throw Map(e, what);
        }
        catch (DBusExceptionBase e)
        {
            throw new BleException(BleErrorKind.Failed, $"D-Bus failure during {what}: {e.Message}", e);
        }
    }

    private Task Run(Task call, string what, CancellationToken ct) => Run(call.ContinueWith(t =>
    {
        t.GetAwaiter().GetResult();
        return true;
    }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default), what, ct);

    /// <summary>BlueZ error names → the port's error kinds.</summary>
    public static BleException Map(DBusErrorReplyException e, string what)
    {
        var name = e.ErrorName.StartsWith(BlueZNames.ErrorPrefix, StringComparison.Ordinal) ? e.ErrorName[BlueZNames.ErrorPrefix.Length..] : e.ErrorName;
        var kind = name switch
        {
            "InProgress" => BleErrorKind.InProgress,
            "NotPermitted" or "NotAuthorized" or "AuthenticationFailed" or "AuthenticationRequired" => BleErrorKind.NotPermitted,
            "NotConnected" => BleErrorKind.NotConnected,
            "DoesNotExist" or "NotAvailable" or "org.freedesktop.DBus.Error.UnknownObject" or "org.freedesktop.DBus.Error.UnknownMethod" => BleErrorKind.NotFound,
            "NotReady" => BleErrorKind.NotReady,
            _ => BleErrorKind.Failed,
        };
        return new BleException(kind, $"BlueZ {what}: {e.ErrorName}: {e.ErrorMessage}", e);
    }

    private MessageBuffer Call(string path, string iface, string member, string? signature)
    {
        using var writer = Connection.GetMessageWriter();
        writer.WriteMethodCallHeader(destination: BlueZNames.Service, path: path, @interface: iface, member: member, signature: signature);
        return writer.CreateMessage();
    }

    private MessageBuffer SetBool(string path, string iface, string property, bool value)
    {
        using var writer = Connection.GetMessageWriter();
        writer.WriteMethodCallHeader(destination: BlueZNames.Service, path: path, @interface: BlueZNames.Properties, member: "Set", signature: "ssv");
        writer.WriteString(iface);
        writer.WriteString(property);
        writer.WriteVariantBool(value);
        return writer.CreateMessage();
    }

    private MessageBuffer RemoveDevice(string adapter, string device)
    {
        using var writer = Connection.GetMessageWriter();
        writer.WriteMethodCallHeader(destination: BlueZNames.Service, path: adapter, @interface: BlueZNames.Adapter, member: "RemoveDevice", signature: "o");
        writer.WriteObjectPath(device);
        return writer.CreateMessage();
    }

    private MessageBuffer DiscoveryFilter(string adapter, IReadOnlyList<Guid> uuids)
    {
        using var writer = Connection.GetMessageWriter();
        writer.WriteMethodCallHeader(destination: BlueZNames.Service, path: adapter, @interface: BlueZNames.Adapter, member: "SetDiscoveryFilter", signature: "a{sv}");
        var filter = new Dictionary<string, VariantValue> { ["Transport"] = VariantValue.String("le") };
        if (uuids.Count > 0)
        {
            filter["UUIDs"] = VariantValue.Array(uuids.Select(u => u.ToString("D")).ToArray());
        }

        writer.WriteDictionary(filter);
        return writer.CreateMessage();
    }

    private MessageBuffer ReadValue(string characteristic)
    {
        using var writer = Connection.GetMessageWriter();
        writer.WriteMethodCallHeader(destination: BlueZNames.Service, path: characteristic, @interface: BlueZNames.GattCharacteristic, member: "ReadValue", signature: "a{sv}");
        writer.WriteDictionary(new Dictionary<string, VariantValue>());
        return writer.CreateMessage();
    }

    private MessageBuffer WriteValue(string characteristic, byte[] value)
    {
        using var writer = Connection.GetMessageWriter();
        writer.WriteMethodCallHeader(destination: BlueZNames.Service, path: characteristic, @interface: BlueZNames.GattCharacteristic, member: "WriteValue", signature: "aya{sv}");
        writer.WriteArray(value);
        writer.WriteDictionary(new Dictionary<string, VariantValue> { ["type"] = VariantValue.String("request") });
        return writer.CreateMessage();
    }
}
