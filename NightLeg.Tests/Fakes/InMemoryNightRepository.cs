using NightLeg.Domain.Nights;
using NightLeg.Domain.Storage;

namespace NightLeg.Tests.Fakes;

public sealed class InMemoryNightRepository : INightRepository
{
    private readonly Dictionary<NightId, Night> _nights = [];

    public int Writes { get; private set; }

    public void Save(Night night)
    {
        Writes++;
        _nights[night.Id] = night;
    }

    public Night? Get(NightId id) => _nights.GetValueOrDefault(id);

    public IReadOnlyList<Night> List(DateOnly from, DateOnly to) =>
        _nights.Values.Where(n => n.Id.EveningDate >= from && n.Id.EveningDate <= to).OrderBy(n => n.Id.EveningDate).ToList();
}
