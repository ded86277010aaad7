using LiteDB;
using NightLeg.Domain.Cramps;
using NightLeg.Domain.Nights;
using NightLeg.Domain.Storage;

namespace NightLeg.Sync.Storage;

/// <summary>Awakenings and cramp logs, indexed by night and evening date. Thread-safe.</summary>
public sealed class LiteDbCrampEventRepository(NightLegDatabase database) : ICrampEventRepository
{
    /// <inheritdoc />
    public void Save(CrampEvent cramp)
    {
        var doc = BsonMapping.ToBson(cramp);
        database.Write(Collections.Events, c => c.Upsert(doc));
    }

    /// <inheritdoc />
    public void Delete(Guid id) => database.Write(Collections.Events, c => c.Delete(id));

    /// <inheritdoc />
    public CrampEvent? Get(Guid id) => database.Read(Collections.Events, c => c.FindById(id)) is { } doc ? BsonMapping.ToCrampEvent(doc) : null;

    /// <inheritdoc />
    public IReadOnlyList<CrampEvent> ForNight(NightId night) =>
        database.Read(Collections.Events, c => c.Find(Query.EQ("night", night.ToString())).ToList()).Select(BsonMapping.ToCrampEvent).OrderBy(e => e.At).ToList();

    /// <inheritdoc />
    public IReadOnlyList<CrampEvent> List(DateOnly from, DateOnly to) =>
        database.Read(Collections.Events, c => c.Find(Query.Between("date", BsonMapping.Date(from), BsonMapping.Date(to))).ToList()).Select(BsonMapping.ToCrampEvent).OrderBy(e => e.At).ToList();
}
