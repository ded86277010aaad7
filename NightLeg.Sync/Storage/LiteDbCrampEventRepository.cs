using LiteDB;
using NightLeg.Domain.Cramps;
using NightLeg.Domain.Nights;
using NightLeg.Domain.Storage;

namespace NightLeg.Sync.Storage;

/// <summary>Awakenings and cramp logs, indexed by night and evening date. Thread-safe.</summary>
public sealed class LiteDbCrampEventRepository(NightLegDatabase database) : ICrampEventRepository
{
    private readonly ILiteCollection<BsonDocument> _events = database.Database.GetCollection(Collections.Events);

    /// <inheritdoc />
    public void Save(CrampEvent cramp) => _events.Upsert(BsonMapping.ToBson(cramp));

    /// <inheritdoc />
    public CrampEvent? Get(Guid id) => _events.FindById(id) is { } doc ? BsonMapping.ToCrampEvent(doc) : null;

    /// <inheritdoc />
    public IReadOnlyList<CrampEvent> ForNight(NightId night) =>
        _events.Find(Query.EQ("night", night.ToString())).Select(BsonMapping.ToCrampEvent).OrderBy(e => e.At).ToList();

    /// <inheritdoc />
    public IReadOnlyList<CrampEvent> List(DateOnly from, DateOnly to) =>
        _events.Find(Query.Between("date", BsonMapping.Date(from), BsonMapping.Date(to))).Select(BsonMapping.ToCrampEvent).OrderBy(e => e.At).ToList();
}
