using CommunityToolkit.Mvvm.ComponentModel;
using NightLeg.Domain.Cramps;
using NightLeg.Domain.History;
using NightLeg.Domain.Nights;
using NightLeg.Domain.Storage;

namespace NightLeg.Mobile.ViewModels;

/// <summary>One night: its figures, minute-by-minute heart rate and movement, gaps and events. UI-neutral.</summary>
public sealed partial class NightDetailViewModel(HistoryService history, INightRepository nights, IEpochRepository epochs, ICrampEventRepository events,
    AwakeningReviewer reviewer, NightCalendar calendar) : ObservableObject
{
    [ObservableProperty]
    public partial NightSummary? Summary { get; set; }

    [ObservableProperty]
    public partial Night? Night { get; set; }

    [ObservableProperty]
    public partial IReadOnlyList<ChartPoint> Points { get; set; } = [];

    [ObservableProperty]
    public partial IReadOnlyList<CrampEvent> Events { get; set; } = [];

    /// <summary>Unreviewed events that were brief awakenings (sleep back within minutes).</summary>
    public IReadOnlySet<Guid> Brief { get; private set; } = new HashSet<Guid>();

    public void Load(NightId id)
    {
        Summary = history.Get(id);
        Night = nights.Get(id);
        Events = events.ForNight(id);
        Brief = Events.Where(e => e.Status == ReviewStatus.Pending && reviewer.ReviewOf(e) == NightLeg.Domain.Detection.ReviewKind.Brief).Select(e => e.Id).ToHashSet();
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
