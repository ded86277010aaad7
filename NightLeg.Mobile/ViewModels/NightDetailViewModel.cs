using CommunityToolkit.Mvvm.ComponentModel;
using NightLeg.Domain.Cramps;
using NightLeg.Domain.History;
using NightLeg.Domain.Nights;
using NightLeg.Domain.Storage;

namespace NightLeg.Mobile.ViewModels;

/// <summary>One night: its figures, minute-by-minute heart rate and movement, gaps and events with their answers (changeable). UI-neutral.</summary>
public sealed partial class NightDetailViewModel(HistoryService history, INightRepository nights, IEpochRepository epochs, ICrampEventRepository events,
    AwakeningReviewer reviewer, NightCalendar calendar, CrampJournal journal) : AnsweringViewModel(journal)
{
    /// <summary>The night shown (recorded or not).</summary>
    [ObservableProperty]
    public partial NightId? Id { get; private set; }

    [ObservableProperty]
    public partial NightSummary? Summary { get; set; }

    [ObservableProperty]
    public partial Night? Night { get; set; }

    [ObservableProperty]
    public partial IReadOnlyList<ChartPoint> Points { get; set; } = [];

    /// <summary>Unreviewed events the morning review does not ask about, with why: brief (sleep back within minutes) or ordinary (no cramp's signs).</summary>
    public IReadOnlyDictionary<Guid, NightLeg.Domain.Detection.ReviewKind> Unasked { get; private set; } = new Dictionary<Guid, NightLeg.Domain.Detection.ReviewKind>();

    /// <inheritdoc />
    protected override void Reload()
    {
        if (Id is { } id)
        {
            Load(id);
        }
    }

    public void Load(NightId id)
    {
        Id = id;
        Summary = history.Get(id);
        Night = nights.Get(id);
        Events = events.ForNight(id);
        Unasked = Events.Where(e => e.Status == ReviewStatus.Pending).Select(e => (e.Id, Kind: reviewer.ReviewOf(e)))
            .Where(e => e.Kind != NightLeg.Domain.Detection.ReviewKind.Ask).ToDictionary(e => e.Id, e => e.Kind);
        if (Night is not { } night)
        {
            Points = [];
            return;
        }

        Points = epochs.Read(night.RecordingStart, night.RecordingEnd.AddSeconds(1))
            .GroupBy(e => e.Start.ToUnixTimeSeconds() / 60)
            .Select(g => new ChartPoint(
                DateTimeOffset.FromUnixTimeSeconds(g.Key * 60),
                g.Any(e => e.HeartRateBpm is not null) ? g.Where(e => e.HeartRateBpm is not null).Average(e => e.HeartRateBpm!.Value) : null,
                g.Max(e => e.MovementG ?? 0)))
            .ToList();
    }

    public string LocalTime(DateTimeOffset instant) => calendar.ToLocal(instant).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
