using NightLeg.Domain.Nights;
using NightLeg.Domain.Samples;

namespace NightLeg.Domain.Storage;

/// <summary>Stores the per-second heart rate and movement of each night. Implementations are thread-safe.</summary>
public interface IEpochRepository
{
    /// <summary>Appends seconds to a night (in time order; a second already stored is replaced).</summary>
    void Append(NightId night, IReadOnlyList<SecondEpoch> epochs);

    /// <summary>The seconds in [<paramref name="from"/>, <paramref name="to"/>) (UTC), in time order.</summary>
    IReadOnlyList<SecondEpoch> Read(DateTimeOffset from, DateTimeOffset to);

    /// <summary>How many seconds are stored for a night.</summary>
    long Count(NightId night);
}
