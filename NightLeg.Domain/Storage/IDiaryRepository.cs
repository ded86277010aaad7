using NightLeg.Domain.Diary;
using NightLeg.Domain.Nights;

namespace NightLeg.Domain.Storage;

/// <summary>Stores the night diary (check-in and morning answers). Implementations are thread-safe.</summary>
public interface IDiaryRepository
{
    /// <summary>The night's diary, or null when nothing was told.</summary>
    NightDiary? Get(NightId night);

    /// <summary>Inserts or replaces the night's diary.</summary>
    void Save(NightDiary diary);

    /// <summary>Diaries of nights whose evening date is in [<paramref name="from"/>, <paramref name="to"/>].</summary>
    IReadOnlyList<NightDiary> List(DateOnly from, DateOnly to);
}
