using LiteDB;
using NightLeg.Domain.Nights;
using NightLeg.Domain.Storage;

namespace NightLeg.Sync.Storage;

/// <summary>Nights, keyed by <c>date@zone</c>, listed by an index on the evening date. Thread-safe.</summary>
public sealed class LiteDbNightRepository(NightLegDatabase database) : INightRepository
{
    /// <inheritdoc />
    public void Save(Night night)
    {
        var doc = BsonMapping.ToBson(night);
        database.Write(Collections.Nights, c => c.Upsert(doc));
    }

    /// <inheritdoc />
    public Night? Get(NightId id) => database.Read(Collections.Nights, c => c.FindById(id.ToString())) is { } doc ? BsonMapping.ToNight(doc) : null;

    /// <inheritdoc />
    public IReadOnlyList<Night> List(DateOnly from, DateOnly to) =>
        database.Read(Collections.Nights, c => c.Find(Query.Between("date", BsonMapping.Date(from), BsonMapping.Date(to))).ToList())
            .Select(BsonMapping.ToNight)
            .OrderBy(n => n.Id.EveningDate)
            .ToList();
}
