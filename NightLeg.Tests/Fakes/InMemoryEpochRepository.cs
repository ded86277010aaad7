using NightLeg.Domain.Nights;
using NightLeg.Domain.Samples;
using NightLeg.Domain.Storage;

namespace NightLeg.Tests.Fakes;

public sealed class InMemoryEpochRepository : IEpochRepository
{
    private readonly SortedDictionary<DateTimeOffset, (NightId Night, SecondEpoch Epoch)> _epochs = [];

    public void Append(NightId night, IReadOnlyList<SecondEpoch> epochs)
    {
        foreach (var e in epochs)
        {
            _epochs[e.Start] = (night, e);
        }
    }

    public IReadOnlyList<SecondEpoch> Read(DateTimeOffset from, DateTimeOffset to) =>
        _epochs.Where(e => e.Key >= from && e.Key < to).Select(e => e.Value.Epoch).ToList();

    public long Count(NightId night) => _epochs.Count(e => e.Value.Night == night);
}
