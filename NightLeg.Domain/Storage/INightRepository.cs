using NightLeg.Domain.Nights;

namespace NightLeg.Domain.Storage;

/// <summary>Stores nights. Implementations are thread-safe.</summary>
public interface INightRepository
{
    /// <summary>Inserts or replaces a night (by its id).</summary>
    void Save(Night night);

    /// <summary>The night, or null.</summary>
    Night? Get(NightId id);

    /// <summary>Nights whose evening date is in [<paramref name="from"/>, <paramref name="to"/>] (inclusive), oldest first.</summary>
    IReadOnlyList<Night> List(DateOnly from, DateOnly to);
}
