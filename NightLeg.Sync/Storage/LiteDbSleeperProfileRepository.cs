using LiteDB;
using NightLeg.Domain.Detection;
using NightLeg.Domain.Storage;

namespace NightLeg.Sync.Storage;

/// <summary>
/// What NightLeg learned about the sleeper: the heart-rate profile (saved by the night's recorder) and
/// what the answers taught (saved by the journal), as two documents so neither writer overwrites the
/// other. Thread-safe.
/// </summary>
public sealed class LiteDbSleeperProfileRepository(NightLegDatabase database) : ISleeperProfileRepository
{
    private const string Id = "sleeper";
    private const string LearningId = "learning";

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

    /// <inheritdoc />
    public SleeperLearning GetLearning()
    {
        if (database.Read(Collections.Sleeper, c => c.FindById(LearningId)) is not { } doc)
        {
            return SleeperLearning.Nothing;
        }

        // Read defensively: a value out of range is clamped, a malformed example skipped (it only ever makes NightLeg ask more).
        var level = doc.TryGetValue("movementLevel", out var v) && v.IsNumber && double.IsFinite(v.AsDouble) ? Math.Clamp(v.AsDouble, 1, SleeperLearning.MaximumMovementLevel) : 1;
        var floor = doc.TryGetValue("movementFloor", out var f) && f.IsNumber && double.IsFinite(f.AsDouble) ? Math.Clamp(f.AsDouble, 1, SleeperLearning.MaximumMovementLevel) : (double?)null;
        return new SleeperLearning(level, Examples(doc, "dismissed"), Examples(doc, "confirmed"), floor);
    }

    /// <inheritdoc />
    public void SaveLearning(SleeperLearning learning)
    {
        static BsonArray Array(IEnumerable<CourseExample> examples) => new(examples.Select(e => (BsonValue)new BsonDocument
        {
            ["activeSeconds"] = e.ActiveSeconds is { } a ? a : BsonValue.Null,
            ["heartRateAfterBpm"] = e.HeartRateAfterBpm is { } h ? h : BsonValue.Null,
        }));
        var doc = new BsonDocument
        {
            ["_id"] = LearningId,
            ["movementLevel"] = learning.MovementLevel,
            ["movementFloor"] = learning.MovementFloor is { } floor ? floor : BsonValue.Null,
            ["dismissed"] = Array(learning.Dismissed),
            ["confirmed"] = Array(learning.Confirmed),
        };
        database.Write(Collections.Sleeper, c => c.Upsert(doc));
    }

    private static List<CourseExample> Examples(BsonDocument doc, string name) =>
        doc.TryGetValue(name, out var list) && list.IsArray
            ? list.AsArray.Where(e => e.IsDocument)
                .Select(e => new CourseExample(e["activeSeconds"].IsNumber ? Math.Max(0, e["activeSeconds"].AsInt32) : null,
                    e["heartRateAfterBpm"].IsNumber && double.IsFinite(e["heartRateAfterBpm"].AsDouble) ? e["heartRateAfterBpm"].AsDouble : null))
                .TakeLast(SleeperLearning.Remembered)
                .ToList()
            : [];

    /// <inheritdoc />
    public void Reset() => database.Write(Collections.Sleeper, c => c.DeleteAll());
}
