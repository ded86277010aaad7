using CommunityToolkit.Mvvm.ComponentModel;
using CommunityToolkit.Mvvm.Input;
using NightLeg.Domain.Cramps;
using NightLeg.Domain.Diary;
using NightLeg.Domain.Nights;
using NightLeg.Domain.Storage;

namespace NightLeg.Mobile.ViewModels;

/// <summary>
/// The evening check-in: the day's factors, each a tap, on one screen (≈20 seconds). Every answer
/// is optional; a tap again clears it. The user's earlier tags are offered as chips. UI-neutral.
/// </summary>
public sealed partial class CheckInViewModel(DiaryJournal journal, IDiaryRepository diaries, NightCalendar calendar, TimeProvider time) : ObservableObject
{
    /// <summary>Run distances offered as taps (km; the chip stands for the middle of its band).</summary>
    public static readonly IReadOnlyList<double> Distances = [4, 8, 12, 18, 25];

    [ObservableProperty]
    public partial NightId? Night { get; set; }

    [ObservableProperty]
    public partial bool? Ran { get; set; }

    [ObservableProperty]
    public partial double? RunKm { get; set; }

    [ObservableProperty]
    public partial RunEffort? Effort { get; set; }

    [ObservableProperty]
    public partial RunSurface? Surface { get; set; }

    /// <summary>The yes/no factors by key (otherHardTraining, newShoes, enoughToDrink, alcohol, magnesiumOrSalt, heavyDuvet).</summary>
    [ObservableProperty]
    public partial IReadOnlyDictionary<string, bool?> Answers { get; set; } = new Dictionary<string, bool?>();

    [ObservableProperty]
    public partial IReadOnlyList<string> Tags { get; set; } = [];

    /// <summary>Tags used before, offered as chips.</summary>
    [ObservableProperty]
    public partial IReadOnlyList<string> KnownTags { get; set; } = [];

    [ObservableProperty]
    public partial bool Done { get; set; }

    [ObservableProperty]
    public partial IReadOnlyList<ValidationError>? Error { get; set; }

    /// <summary>The yes/no questions, in the order shown.</summary>
    public static IReadOnlyList<string> Questions { get; } = ["otherHardTraining", "newShoes", "enoughToDrink", "alcohol", "magnesiumOrSalt", "heavyDuvet"];

    /// <summary>Loads the check-in of <paramref name="night"/> (default: tonight's).</summary>
    public void Load(NightId? night = null)
    {
        Night = night ?? calendar.NightOf(time.GetUtcNow());
        var diary = journal.Get(Night.Value);
        var f = diary.Factors ?? DayFactors.None;
        Ran = f.Ran;
        RunKm = f.RunKm;
        Effort = f.Effort;
        Surface = f.Surface;
        Answers = new Dictionary<string, bool?>
        {
            ["otherHardTraining"] = f.OtherHardTraining,
            ["newShoes"] = f.NewShoes,
            ["enoughToDrink"] = f.EnoughToDrink,
            ["alcohol"] = f.Alcohol,
            ["magnesiumOrSalt"] = f.MagnesiumOrSalt,
            ["heavyDuvet"] = f.HeavyDuvet,
        };
        Tags = f.TagList;
        var today = Night.Value.EveningDate;
        KnownTags = diaries.List(today.AddDays(-120), today).SelectMany(d => d.Factors?.TagList ?? []).Concat(Tags)
            .GroupBy(t => t, StringComparer.Ordinal).OrderByDescending(g => g.Count()).Select(g => g.Key).Take(12).ToList();
        Done = diary.Factors is not null;
    }

    /// <summary>Answers a yes/no question; the same answer again clears it.</summary>
    [RelayCommand]
    private void Answer((string Key, bool Value) answer)
    {
        var answers = new Dictionary<string, bool?>(Answers);
        answers[answer.Key] = answers.GetValueOrDefault(answer.Key) == answer.Value ? null : answer.Value;
        Answers = answers;
    }

    /// <summary>No run today, an easy run or a hard one; the same tap again clears it.</summary>
    [RelayCommand]
    private void SetRun(RunEffort? effort)
    {
        if (effort is null)
        {
            Ran = Ran == false ? null : false;
            Effort = null;
            RunKm = null;
            Surface = null;
            return;
        }

        if (Effort == effort)
        {
            Ran = null;
            Effort = null;
        }
        else
        {
            Ran = true;
            Effort = effort;
        }
    }

    [RelayCommand]
    private void SetDistance(double km) => RunKm = RunKm == km ? null : km;

    [RelayCommand]
    private void SetSurface(RunSurface surface) => Surface = Surface == surface ? null : surface;

    /// <summary>Adds a tag (typed, or an earlier one tapped), or removes it when it is there.</summary>
    [RelayCommand]
    private void ToggleTag(string? tag)
    {
        var clean = tag?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(clean))
        {
            return;
        }

        Tags = Tags.Contains(clean) ? Tags.Where(t => t != clean).ToList() : [.. Tags, clean];
        if (!KnownTags.Contains(clean))
        {
            KnownTags = [.. KnownTags, clean];
        }
    }

    [RelayCommand]
    private void Save()
    {
        if (Night is not { } night)
        {
            return;
        }

        bool? A(string key) => Answers.GetValueOrDefault(key);
        var outcome = journal.CheckIn(night, new DayFactorsReport(Ran, RunKm, Effort, Surface,
            A("otherHardTraining"), A("newShoes"), A("enoughToDrink"), A("alcohol"), A("magnesiumOrSalt"), A("heavyDuvet"), Tags));
        Error = outcome.Succeeded ? null : outcome.Errors;
        Done = outcome.Succeeded;
    }
}
