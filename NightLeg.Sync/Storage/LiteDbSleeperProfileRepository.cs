using LiteDB;
using NightLeg.Domain.Detection;
using NightLeg.Domain.Storage;

namespace NightLeg.Sync.Storage;

/// <summary>What the detector learned about the sleeper (one document: the rise histogram). Thread-safe.</summary>
public sealed class LiteDbSleeperProfileRepository(NightLegDatabase database) : ISleeperProfileRepository
{
    private const string Id = "sleeper";

    /// <inheritdoc />
    public SleeperProfile? Get()
    {
        if (database.Read(Collections.Sleeper, c => c.FindById(Id)) is not { } doc || !doc.TryGetValue("riseSeconds", out var bins) || !bins.IsArray)
        {
            return null;
        }

        var values = bins.AsArray.Select(b => b.IsNumber ? b.AsDouble : 0).ToList();
        // A profile of another shape (a future version's bins) is not ours to interpret: start afresh.
        return values.Count == SleeperProfile.Bins && values.All(v => double.IsFinite(v) && v >= 0) ? new SleeperProfile(values) : null;
    }

    /// <inheritdoc />
    public void Save(SleeperProfile profile)
    {
        var doc = new BsonDocument
        {
            ["_id"] = Id,
            ["minimumRiseBpm"] = SleeperProfile.MinimumRiseBpm,
            ["riseSeconds"] = new BsonArray(profile.RiseSeconds.Select(v => new BsonValue(Math.Round(v, 2)))),
        };
        database.Write(Collections.Sleeper, c => c.Upsert(doc));
    }
}
