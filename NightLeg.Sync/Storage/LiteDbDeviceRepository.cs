using LiteDB;
using NightLeg.Domain.Storage;

namespace NightLeg.Sync.Storage;

/// <summary>The paired wearable (one document). Thread-safe.</summary>
public sealed class LiteDbDeviceRepository(NightLegDatabase database) : IDeviceRepository
{
    private const string PairedId = "paired";
    private readonly ILiteCollection<BsonDocument> _devices = database.Database.GetCollection(Collections.Devices);

    /// <inheritdoc />
    public PairedDevice? GetPaired() => _devices.FindById(PairedId) is { } d
        ? new PairedDevice(d["deviceId"].AsString, d["name"].AsString, Enum.Parse<DeviceKind>(d["kind"].AsString), BsonMapping.Instant(d["pairedAt"]))
        : null;

    /// <inheritdoc />
    public void SavePaired(PairedDevice device) => _devices.Upsert(new BsonDocument
    {
        ["_id"] = PairedId,
        ["deviceId"] = device.Id,
        ["name"] = device.Name,
        ["kind"] = device.Kind.ToString(),
        ["pairedAt"] = BsonMapping.Ms(device.PairedAt),
    });

    /// <inheritdoc />
    public void Forget() => _devices.Delete(PairedId);
}
