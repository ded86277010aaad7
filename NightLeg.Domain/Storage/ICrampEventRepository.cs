using NightLeg.Domain.Cramps;
using NightLeg.Domain.Nights;

namespace NightLeg.Domain.Storage;

/// <summary>Stores awakenings and cramp logs. Implementations are thread-safe.</summary>
public interface ICrampEventRepository
{
    /// <summary>Inserts or replaces an event (by its id).</summary>
    void Save(CrampEvent cramp);

    /// <summary>Removes an event (a cramp logged by hand and taken back); nothing when there is none.</summary>
    void Delete(Guid id);

    /// <summary>The event, or null.</summary>
    CrampEvent? Get(Guid id);

    /// <summary>The events of one night, in time order.</summary>
    IReadOnlyList<CrampEvent> ForNight(NightId night);

    /// <summary>Events of nights whose evening date is in [<paramref name="from"/>, <paramref name="to"/>], in time order.</summary>
    IReadOnlyList<CrampEvent> List(DateOnly from, DateOnly to);
}
