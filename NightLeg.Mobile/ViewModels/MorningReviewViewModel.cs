using CommunityToolkit.Mvvm.ComponentModel;
using CommunityToolkit.Mvvm.Input;
using NightLeg.Domain.Cramps;
using NightLeg.Domain.Detection;
using NightLeg.Domain.Diary;
using NightLeg.Domain.Nights;
using NightLeg.Domain.Storage;

namespace NightLeg.Mobile.ViewModels;

/// <summary>
/// The morning review of the latest night: each detected event confirmed as a cramp (with details)
/// or dismissed with a reason; a missed cramp added by hand. Brief awakenings — sleep back within
/// minutes and nobody answered (<see cref="AwakeningReview"/>) — are not asked about: they wait
/// collapsed and can still be opened and confirmed. UI-neutral.
/// </summary>
public sealed partial class MorningReviewViewModel : AnsweringViewModel
{
    private readonly ICrampEventRepository _events;
    private readonly AwakeningReviewer _reviewer;
    private readonly INightRepository _nights;
    private readonly NightCalendar _calendar;
    private readonly TimeProvider _time;

    private readonly DiaryJournal? _diary;

    public MorningReviewViewModel(ICrampEventRepository events, AwakeningReviewer reviewer, INightRepository nights, CrampJournal journal, NightCalendar calendar, TimeProvider time,
        DiaryJournal? diary = null) : base(journal)
    {
        _diary = diary;
        _events = events;
        _reviewer = reviewer;
        _nights = nights;
        _calendar = calendar;
        _time = time;
    }

    [ObservableProperty]
    public partial NightId? Night { get; set; }

    /// <summary>The events shown as questions or answers: everything but the unreviewed brief awakenings.</summary>
    [ObservableProperty]
    [NotifyPropertyChangedFor(nameof(HasUnreviewed))]
    public partial IReadOnlyList<CrampEvent> Asked { get; set; } = [];

    /// <summary>Unreviewed brief awakenings, shown collapsed.</summary>
    [ObservableProperty]
    public partial IReadOnlyList<CrampEvent> UnaskedAwakenings { get; set; } = [];

    /// <summary>True while the brief awakenings are opened.</summary>
    [ObservableProperty]
    public partial bool BriefOpen { get; set; }

    /// <summary>The night's diary: sleep disturbance and lingering pain (asked once a cramp is confirmed).</summary>
    [ObservableProperty]
    public partial NightDiary? Diary { get; set; }

    /// <summary>True when the night had a confirmed cramp: then the night's own questions are asked.</summary>
    public bool AsksAboutTheNight => _diary is not null && Events.Any(e => e.IsConfirmedCramp);

    /// <summary>How long the user was awake after each detected event, by the one "asleep again" rule (computed once per load, not per render).</summary>
    public IReadOnlyDictionary<Guid, TimeSpan?> AwakeDurations { get; private set; } = new Dictionary<Guid, TimeSpan?>();

    /// <summary>True when something is waiting to be asked (brief awakenings are not).</summary>
    public bool HasUnreviewed => Asked.Any(e => e.Status == ReviewStatus.Pending);

    /// <inheritdoc />
    protected override void Reload() => Load();

    /// <summary>Loads the latest night with anything in it (recorded, or with events) within the last two weeks.</summary>
    public void Load()
    {
        var today = DateOnly.FromDateTime(_calendar.ToLocal(_time.GetUtcNow()).DateTime);
        var recent = _nights.List(today.AddDays(-14), today.AddDays(1)).Select(n => n.Id)
            .Concat(_events.List(today.AddDays(-14), today.AddDays(1)).Select(e => e.Night))
            .OrderByDescending(id => id.EveningDate)
            .ToList();
        Night = recent.Count > 0 ? recent[0] : _calendar.NightOf(_time.GetUtcNow().AddHours(-12));
        Events = _events.ForNight(Night.Value);
        var asleep = Events.ToDictionary(e => e.Id, _reviewer.AsleepAgainAt);
        bool Brief(CrampEvent e) => e.Status == ReviewStatus.Pending && _reviewer.ReviewOf(e, asleep[e.Id]) != ReviewKind.Ask;
        Asked = Events.Where(e => !Brief(e)).ToList();
        UnaskedAwakenings = Events.Where(Brief).ToList();
        AwakeDurations = Events.Where(e => e.Detection is not null).ToDictionary(e => e.Id, e => asleep[e.Id] - e.At);
        Diary = _diary?.Get(Night.Value);
        OnPropertyChanged(nameof(AsksAboutTheNight));
    }

    /// <summary>How much cramps disturbed the night's sleep, 0–10.</summary>
    [RelayCommand]
    private void SetSleepDisturbance(int value) => ApplyDiary(_diary?.RecordMorning(Night!.Value, value, null));

    /// <summary>Whether the leg still hurts this morning, and how much (0–10).</summary>
    [RelayCommand]
    private void SetLingeringPain((bool Had, int? Intensity) pain) => ApplyDiary(_diary?.RecordMorning(Night!.Value, null, pain.Had, pain.Intensity));

    /// <summary>What the night's own questions were refused for.</summary>
    [ObservableProperty]
    public partial IReadOnlyList<ValidationError>? DiaryError { get; set; }

    private void ApplyDiary(Outcome<NightDiary>? outcome)
    {
        if (outcome is null)
        {
            return;
        }

        DiaryError = outcome.Succeeded ? null : outcome.Errors;
        if (outcome.Succeeded)
        {
            Diary = outcome.Value;
        }
    }

    /// <summary>The local wall-clock time of an instant.</summary>
    public string LocalTime(DateTimeOffset instant) => _calendar.ToLocal(instant).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    [RelayCommand]
    private void ToggleBrief() => BriefOpen = !BriefOpen;

    /// <summary>A cramp the detector missed, at a local time of the night shown.</summary>
    [RelayCommand]
    private void LogMissed((TimeOnly Time, CrampReport Report) input)
    {
        if (Night is { } night)
        {
            Changed(Answers.LogByHand(night, _calendar.ToUtc(night, input.Time), input.Report));
        }
    }
}
