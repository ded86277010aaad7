using CommunityToolkit.Mvvm.ComponentModel;
using NightLeg.Domain.Cramps;
using NightLeg.Domain.Diary;
using NightLeg.Domain.Nights;
using NightLeg.Domain.Storage;
using NightLeg.Sync.Export;

namespace NightLeg.Mobile.ViewModels;

/// <summary>
/// Bringing in a cramp diary kept elsewhere (<see cref="DiaryCsv"/>): the file is checked whole first — its
/// problems listed by line, nothing kept — then kept, and what came in is told. UI-neutral.
/// </summary>
public sealed partial class DiaryImportViewModel(CrampJournal journal, DiaryJournal diary, ICrampEventRepository events, NightCalendar calendar) : ObservableObject
{
    /// <summary>The most problems shown at once (the rest are counted).</summary>
    public const int ShownProblems = 5;

    /// <summary>What the latest import kept; null before one, or when it was refused.</summary>
    [ObservableProperty]
    public partial DiaryCsv.Result? Result { get; private set; }

    /// <summary>What the latest file was refused for, by line (empty when it was kept).</summary>
    [ObservableProperty]
    public partial IReadOnlyList<DiaryCsv.Problem> Problems { get; private set; } = [];

    /// <summary>Reads, checks and (when all is well) keeps the diary in <paramref name="file"/>.</summary>
    public void Import(TextReader file)
    {
        var (rows, problems) = DiaryCsv.Read(file, calendar);
        Problems = problems;
        Result = problems.Count == 0 ? DiaryCsv.Apply(rows, journal, diary, events) : null;
    }

    /// <summary>A file too large to be a diary: refused before it is read.</summary>
    public void TooLarge()
    {
        Result = null;
        Problems = [new DiaryCsv.Problem(0, new ValidationError("file", "diary.tooLarge", [DiaryCsv.MaximumBytes >> 20]))];
    }
}
