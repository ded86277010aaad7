using Tmds.DBus.Protocol;

namespace NightLeg.Sync.Ble.BlueZ;

/// <summary>A snapshot of BlueZ's objects: path → interface → property → value.</summary>
internal sealed class ManagedObjects(Dictionary<string, Dictionary<string, Dictionary<string, VariantValue>>> objects)
{
    public IReadOnlyDictionary<string, Dictionary<string, Dictionary<string, VariantValue>>> Objects { get; } = objects;

    public IEnumerable<(string Path, Dictionary<string, VariantValue> Properties)> WithInterface(string iface) =>
        Objects.Where(o => o.Value.ContainsKey(iface)).Select(o => (o.Key, o.Value[iface]));

    public static ManagedObjects Read(Message message, object? state)
    {
        var reader = message.GetBodyReader();
        var result = new Dictionary<string, Dictionary<string, Dictionary<string, VariantValue>>>(StringComparer.Ordinal);
        var objects = reader.ReadDictionaryStart();
        while (reader.HasNext(objects))
        {
            reader.AlignStruct();
            var path = reader.ReadObjectPathAsString();
            var interfaces = new Dictionary<string, Dictionary<string, VariantValue>>(StringComparer.Ordinal);
            var ifaces = reader.ReadDictionaryStart();
            while (reader.HasNext(ifaces))
            {
                reader.AlignStruct();
                var name = reader.ReadString();
                interfaces[name] = reader.ReadDictionaryOfStringToVariantValue();
            }

            result[path] = interfaces;
        }

        return new ManagedObjects(result);
    }

    public static string? String(Dictionary<string, VariantValue> properties, string name) =>
        properties.TryGetValue(name, out var v) ? v.GetString() : null;

    public static bool Bool(Dictionary<string, VariantValue> properties, string name) =>
        properties.TryGetValue(name, out var v) && v.GetBool();

    public static IReadOnlyList<Guid> Uuids(Dictionary<string, VariantValue> properties, string name = "UUIDs") =>
        properties.TryGetValue(name, out var v) ? v.GetArray<string>().Select(s => Guid.TryParse(s, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).ToList() : [];
}
