using LiteDB;
using NightLeg.Domain.Nights;
using NightLeg.Domain.Storage;

namespace NightLeg.Sync.Storage;

/// <summary>Nights, keyed by <c>date@zone</c>, listed by an index on the evening date. Thread-safe.</summary>
public sealed class LiteDbNightRepository(NightLegDatabase database) : INightRepository
{
    private readonly ILiteCollection<BsonDocument> _nights = database.Database.GetCollection(Collections.Nights);

    /// <inheritdoc />
    public void Save(Night night) => _nights.Upsert(BsonMapping.ToBson(night));

    /// <inheritdoc />
    public Night? Get(NightId id) => _nights.FindById(id.ToString()) is { } doc ? BsonMapping.ToNight(doc) : null;

    /// <inheritdoc />
    public IReadOnlyList<Night> List(DateOnly from, DateOnly to) =>
        _nights.Find(Query.Between("date", BsonMapping.Date(from), BsonMapping.Date(to)))
            .Select(BsonMapping.ToNight)
            .OrderBy(n => n.Id.EveningDate)
            .ToList();
}
