using LiteDB;
using NightLeg.Domain.Storage;

namespace NightLeg.Sync.Storage;

/// <summary>The paired wearable (one document). Thread-safe.</summary>
public sealed class LiteDbDeviceRepository(NightLegDatabase database) : IDeviceRepository
{
    private const string PairedId = "paired";

    /// <inheritdoc />
    public PairedDevice? GetPaired()
    {
        if (database.Read(Collections.Devices, c => c.FindById(PairedId)) is not { } d)
        {
            return null;
        }

        // Databases from before device families stored a kind; the family is recognised again at connection anyway.
        var (family, demo) = d.TryGetValue("family", out var f) && f.IsString
            ? (f.AsString, d.TryGetValue("demo", out var isDemo) && isDemo.IsBoolean && isDemo.AsBoolean)
            : d["kind"].AsString switch
            {
                "Demo" => ("polar-h10", true),
                "Polar" => ("polar", false),
                "InfiniTime" => ("infinitime", false),
                _ => ("heart-rate", false),
            };
        return new PairedDevice(d["deviceId"].AsString, d["name"].AsString, family, BsonMapping.Instant(d["pairedAt"]), demo);
    }

    /// <inheritdoc />
    public void SavePaired(PairedDevice device)
    {
        var doc = new BsonDocument
        {
            ["_id"] = PairedId,
            ["deviceId"] = device.Id,
            ["name"] = device.Name,
            ["family"] = device.FamilyId,
            ["demo"] = device.IsDemo,
            ["pairedAt"] = BsonMapping.Ms(device.PairedAt),
        };
        database.Write(Collections.Devices, c => c.Upsert(doc));
    }

    /// <inheritdoc />
    public void Forget() => database.Write(Collections.Devices, c => c.Delete(PairedId));
}
