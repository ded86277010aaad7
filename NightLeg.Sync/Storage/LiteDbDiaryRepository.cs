using LiteDB;
using NightLeg.Domain.Diary;
using NightLeg.Domain.Nights;
using NightLeg.Domain.Storage;

namespace NightLeg.Sync.Storage;

/// <summary>The night diary, one document per night keyed like the night, indexed by evening date. Thread-safe.</summary>
public sealed class LiteDbDiaryRepository(NightLegDatabase database) : IDiaryRepository
{
    /// <inheritdoc />
    public NightDiary? Get(NightId night) =>
        database.Read(Collections.Diary, c => c.FindById(night.ToString())) is { } doc ? BsonMapping.ToDiary(doc) : null;

    /// <inheritdoc />
    public void Save(NightDiary diary)
    {
        var doc = BsonMapping.ToBson(diary);
        database.Write(Collections.Diary, c => c.Upsert(doc));
    }

    /// <inheritdoc />
    public IReadOnlyList<NightDiary> List(DateOnly from, DateOnly to) =>
        database.Read(Collections.Diary, c => c.Find(Query.Between("date", BsonMapping.Date(from), BsonMapping.Date(to))).ToList())
            .Select(BsonMapping.ToDiary)
            .OrderBy(d => d.Night.EveningDate)
            .ToList();
}
