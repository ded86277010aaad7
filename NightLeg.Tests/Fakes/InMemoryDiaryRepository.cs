using NightLeg.Domain.Diary;
using NightLeg.Domain.Nights;
using NightLeg.Domain.Storage;

namespace NightLeg.Tests.Fakes;

public sealed class InMemoryDiaryRepository : IDiaryRepository
{
    private readonly Dictionary<NightId, NightDiary> _diaries = [];

    public NightDiary? Get(NightId night) => _diaries.GetValueOrDefault(night);

    public void Save(NightDiary diary) => _diaries[diary.Night] = diary;

    public IReadOnlyList<NightDiary> List(DateOnly from, DateOnly to) =>
        _diaries.Values.Where(d => d.Night.EveningDate >= from && d.Night.EveningDate <= to).OrderBy(d => d.Night.EveningDate).ToList();
}
