using CommunityToolkit.Mvvm.ComponentModel;
using CommunityToolkit.Mvvm.Input;
using NightLeg.Domain.Cramps;
using NightLeg.Domain.Nights;
using NightLeg.Domain.Storage;

namespace NightLeg.Mobile.ViewModels;

/// <summary>
/// The morning review of the latest night: each detected event confirmed as a cramp (with details)
/// or dismissed with a reason; a missed cramp added by hand. UI-neutral.
/// </summary>
public sealed partial class MorningReviewViewModel : ObservableObject
{
    private readonly ICrampEventRepository _events;
    private readonly IEpochRepository _epochs;
    private readonly INightRepository _nights;
    private readonly CrampJournal _journal;
    private readonly NightCalendar _calendar;
    private readonly TimeProvider _time;

    public MorningReviewViewModel(ICrampEventRepository events, IEpochRepository epochs, INightRepository nights, CrampJournal journal, NightCalendar calendar, TimeProvider time)
    {
        _events = events;
        _epochs = epochs;
        _nights = nights;
        _journal = journal;
        _calendar = calendar;
        _time = time;
    }

    [ObservableProperty]
    public partial NightId? Night { get; set; }

    [ObservableProperty]
    public partial IReadOnlyList<CrampEvent> Events { get; set; } = [];

    [ObservableProperty]
    public partial string? Error { get; set; }

    /// <summary>How long the user was awake after each detected event (computed once per load, not per render).</summary>
    public IReadOnlyDictionary<Guid, TimeSpan?> AwakeDurations { get; private set; } = new Dictionary<Guid, TimeSpan?>();

    public bool HasUnreviewed => Events.Any(e => e.Status == ReviewStatus.Pending);

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
        AwakeDurations = Events.Where(e => e.Detection is not null).ToDictionary(e => e.Id, AwakeFor);
        OnPropertyChanged(nameof(HasUnreviewed));
    }

    /// <summary>
    /// How long the user was awake after an awakening: until the first five calm minutes (≤ 5 active
    /// seconds a minute, heart rate within 8 bpm of the sleeping baseline) — the detector's own
    /// "asleep again" rule. Null when the data does not tell.
    /// </summary>
    public TimeSpan? AwakeFor(CrampEvent cramp)
    {
        if (cramp.Detection is not { } d)
        {
            return null;
        }

        var seconds = _epochs.Read(d.Onset, d.Onset.AddHours(2));
        var calmRun = 0;
        foreach (var minute in seconds.GroupBy(e => (e.Start - d.Onset).Ticks / TimeSpan.TicksPerMinute).OrderBy(g => g.Key))
        {
            var active = minute.Count(e => e.MovementG >= Domain.Detection.DetectorConstants.ActiveMovementG);
            var hr = minute.Where(e => e.HeartRateBpm is not null).Select(e => e.HeartRateBpm!.Value).DefaultIfEmpty(double.NaN).Average();
            var calm = active <= Domain.Detection.DetectorConstants.CalmMinuteMaxActiveSeconds &&
                       (d.BaselineHeartRateBpm is not { } baseline || double.IsNaN(hr) || hr <= baseline + Domain.Detection.DetectorConstants.RearmMaxRiseBpm);
            calmRun = calm ? calmRun + 1 : 0;
            if (calmRun == Domain.Detection.DetectorConstants.RearmCalmMinutes)
            {
                return TimeSpan.FromMinutes(minute.Key - calmRun + 1);
            }
        }

        return null;
    }

    /// <summary>The local wall-clock time of an instant.</summary>
    public string LocalTime(DateTimeOffset instant) => _calendar.ToLocal(instant).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    [RelayCommand]
    private Task ConfirmAsync((Guid Id, CrampReport Report) input) => Apply(_journal.Confirm(input.Id, input.Report));

    [RelayCommand]
    private Task DismissAsync((Guid Id, DismissReason Reason) input) => Apply(_journal.Dismiss(input.Id, input.Reason));

    [RelayCommand]
    private Task LogMissedAsync((TimeOnly Time, CrampReport Report) input) =>
        Night is { } night ? Apply(_journal.LogByHand(night, _calendar.ToUtc(night, input.Time), input.Report)) : Task.CompletedTask;

    private Task Apply(Outcome<CrampEvent> outcome)
    {
        Error = outcome.Succeeded ? null : string.Join(" ", outcome.Errors.Select(e => e.Message));
        if (outcome.Succeeded)
        {
            Load();
        }

        return Task.CompletedTask;
    }
}
