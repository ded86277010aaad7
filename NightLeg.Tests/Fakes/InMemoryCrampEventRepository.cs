using NightLeg.Domain.Cramps;
using NightLeg.Domain.Nights;
using NightLeg.Domain.Storage;

namespace NightLeg.Tests.Fakes;

public sealed class InMemoryCrampEventRepository : ICrampEventRepository
{
    private readonly Dictionary<Guid, CrampEvent> _events = [];

    public int Writes { get; private set; }

    public IReadOnlyCollection<CrampEvent> All => _events.Values;

    public void Save(CrampEvent cramp)
    {
        Writes++;
        _events[cramp.Id] = cramp;
    }

    public void Delete(Guid id)
    {
        Writes++;
        _events.Remove(id);
    }

    public CrampEvent? Get(Guid id) => _events.GetValueOrDefault(id);

    public IReadOnlyList<CrampEvent> ForNight(NightId night) => _events.Values.Where(e => e.Night == night).OrderBy(e => e.At).ToList();

    public IReadOnlyList<CrampEvent> List(DateOnly from, DateOnly to) =>
        _events.Values.Where(e => e.Night.EveningDate >= from && e.Night.EveningDate <= to).OrderBy(e => e.At).ToList();
}
