using LiteDB;
using NightLeg.Domain.Nights;
using NightLeg.Domain.Samples;
using NightLeg.Domain.Storage;

namespace NightLeg.Sync.Storage;

/// <summary>
/// Per-second heart rate and movement, one document per minute keyed by the minute's unix
/// milliseconds (so time ranges are primary-key <see cref="Query.Between"/> look-ups). Thread-safe.
/// </summary>
public sealed class LiteDbEpochRepository : IEpochRepository
{
    private readonly NightLegDatabase _database;

    public LiteDbEpochRepository(NightLegDatabase database)
    {
        _database = database;
    }

    /// <inheritdoc />
    public void Append(NightId night, IReadOnlyList<SecondEpoch> epochs)
    {
        if (epochs.Count == 0)
        {
            return;
        }

        var key = night.ToString();
        _database.Write(db =>
        {
            // One transaction: a batch is stored whole or not at all (and then retried whole).
            var chunks = db.GetCollection(Collections.Epochs);
            db.BeginTrans();
            try
            {
                foreach (var minute in epochs.GroupBy(e => EpochChunk.MinuteOf(e.Start)))
                {
                    var existing = chunks.FindById(minute.Key);
                    var chunk = existing?["b"].AsBinary is { Length: EpochChunk.Size } bytes ? bytes : new byte[EpochChunk.Size];
                    foreach (var epoch in minute)
                    {
                        EpochChunk.Write(chunk, epoch);
                    }

                    // Known to be there or not: one lookup, not the second an upsert would make.
                    var document = new BsonDocument { ["_id"] = minute.Key, ["n"] = key, ["b"] = chunk };
                    if (existing is null)
                    {
                        chunks.Insert(document);
                    }
                    else
                    {
                        chunks.Update(document);
                    }
                }

                return db.Commit();
            }
            catch
            {
                TryRollback(db);
                throw;
            }
        });
    }

    private static void TryRollback(LiteDatabase db)
    {
        try
        {
            db.Rollback();
        }
        catch (Exception e) when (e is IOException or LiteException)
        {
            // A failed disk fails the rollback too; the uncommitted pages are ignored when the database is reopened.
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<SecondEpoch> Read(DateTimeOffset from, DateTimeOffset to)
    {
        var result = new List<SecondEpoch>();
        var query = Query.Between("_id", EpochChunk.MinuteOf(from), EpochChunk.MinuteOf(to));
        foreach (var doc in _database.Read(Collections.Epochs, c => c.Find(query).ToList()).OrderBy(d => d["_id"].AsInt64))
        {
            result.AddRange(EpochChunk.Read(doc["b"].AsBinary, doc["_id"].AsInt64, from, to));
        }

        return result;
    }

    /// <inheritdoc />
    public long Count(NightId night) =>
        _database.Read(Collections.Epochs, c => c.Find(Query.EQ("n", night.ToString())).Sum(d => (long)EpochChunk.Count(d["b"].AsBinary)));
}
