using NightLeg.Domain.Cramps;
using NightLeg.Domain.Nights;
using NightLeg.Domain.Storage;

namespace NightLeg.Domain.History;

/// <summary>The history over any date range, read through the repositories. Thread-safe when they are.</summary>
public sealed class HistoryService
{
    private readonly INightRepository _nights;
    private readonly ICrampEventRepository _events;
    private readonly AwakeningReviewer _reviewer;

    /// <summary>Creates the service over the night and event stores; <paramref name="reviewer"/> tells brief awakenings apart.</summary>
    public HistoryService(INightRepository nights, ICrampEventRepository events, AwakeningReviewer reviewer)
    {
        _nights = nights;
        _events = events;
        _reviewer = reviewer;
    }

    /// <summary>Summaries of the nights with evening dates in [<paramref name="from"/>, <paramref name="to"/>], newest first.</summary>
    public IReadOnlyList<NightSummary> List(DateOnly from, DateOnly to) => Summaries(from, to, _events.List(from, to).ToLookup(e => e.Night));

    private List<NightSummary> Summaries(DateOnly from, DateOnly to, ILookup<NightId, CrampEvent> events) =>
        _nights.List(from, to)
            .Select(n => NightSummary.Of(n, events[n.Id], _reviewer.ReviewOf))
            .OrderByDescending(s => s.Id.EveningDate)
            .ToList();

    /// <summary>
    /// Every night known in [<paramref name="from"/>, <paramref name="to"/>], newest first: the recorded ones, and those
    /// known only from what the user logged — cramps by hand, a check-in, a diary brought in (<see cref="NightSummary.Logged"/>).
    /// </summary>
    public IReadOnlyList<NightSummary> ListKnown(DateOnly from, DateOnly to, IEnumerable<NightId> checkedIn, NightCalendar calendar)
    {
        var events = _events.List(from, to).ToLookup(e => e.Night); // read once: for the recorded nights and the logged ones
        var recorded = Summaries(from, to, events);
        var known = recorded.Select(n => n.Id).ToHashSet();
        var logged = events.Select(g => g.Key).Concat(checkedIn).Where(id => id.EveningDate >= from && id.EveningDate <= to && known.Add(id))
            .Select(id => NightSummary.Logged(id, calendar.Window(id), events[id]));
        return [.. recorded.Concat(logged).OrderByDescending(s => s.Id.EveningDate)];
    }

    /// <summary>One night's summary, or null.</summary>
    public NightSummary? Get(NightId id) =>
        _nights.Get(id) is { } night ? NightSummary.Of(night, _events.ForNight(id), _reviewer.ReviewOf) : null;
}
