using NightLeg.Domain.Cramps;
using NightLeg.Domain.Nights;

namespace NightLeg.Domain.History;

/// <summary>One line of the history: what a night was like. Immutable.</summary>
/// <param name="Id">The night.</param>
/// <param name="Start">UTC start of the night (see <see cref="Night"/> for the rule).</param>
/// <param name="End">UTC end of the night.</param>
/// <param name="TimeInBed">Time in bed.</param>
/// <param name="TimeAsleep">Time asleep.</param>
/// <param name="LowestHeartRateBpm">Lowest sleeping heart rate (one-minute median), bpm.</param>
/// <param name="TypicalHeartRateBpm">Median sleeping heart rate, bpm.</param>
/// <param name="Awakenings">Detected awakenings asked about in the morning (not brief ones).</param>
/// <param name="ConfirmedCramps">Cramps confirmed or logged by hand.</param>
/// <param name="DismissedEvents">Events dismissed as not a cramp.</param>
/// <param name="UnreviewedEvents">Events still waiting for the morning review.</param>
/// <param name="GapTime">Time without data.</param>
/// <param name="UnaskedAwakenings">Detected awakenings the morning review does not ask about — sleep came back within minutes, or nothing followed that looks like a cramp (<see cref="Detection.AwakeningReview"/>) — counted apart.</param>
/// <param name="DominantPosition">The position most of the sleep was spent in (a chest strap only).</param>
/// <param name="Recorded">False for a night known only from what the user logged (a cramp by hand, a check-in, a diary brought in): no figures.</param>
public sealed record NightSummary(
    NightId Id,
    DateTimeOffset Start,
    DateTimeOffset End,
    TimeSpan TimeInBed,
    TimeSpan TimeAsleep,
    double? LowestHeartRateBpm,
    double? TypicalHeartRateBpm,
    int Awakenings,
    int ConfirmedCramps,
    int DismissedEvents,
    int UnreviewedEvents,
    TimeSpan GapTime,
    int UnaskedAwakenings = 0,
    Samples.BodyPosition? DominantPosition = null,
    bool Recorded = true)
{
    /// <summary>A night that was not recorded, known from its events logged by hand (and perhaps a check-in): its cramps, nothing measured.</summary>
    public static NightSummary Logged(NightId id, (DateTimeOffset Start, DateTimeOffset End) window, IEnumerable<CrampEvent> events)
    {
        var list = events.Where(e => e.Night == id).ToList();
        return new NightSummary(id, window.Start, window.End, TimeSpan.Zero, TimeSpan.Zero, null, null, 0, list.Count(e => e.IsConfirmedCramp),
            list.Count(e => e.Status == ReviewStatus.Dismissed), 0, TimeSpan.Zero, Recorded: false);
    }

    /// <summary>True when at least one cramp was confirmed that night.</summary>
    public bool IsCrampNight => ConfirmedCramps > 0;

    /// <summary>Summarises a night and its events; <paramref name="review"/> tells the events asked about from the others.</summary>
    public static NightSummary Of(Night night, IEnumerable<CrampEvent> events, Func<CrampEvent, Detection.ReviewKind> review)
    {
        var list = events.Where(e => e.Night == night.Id).ToList();
        bool Brief(CrampEvent e) => e.Source == CrampEventSource.Detected && e.Status == ReviewStatus.Pending && review(e) != Detection.ReviewKind.Ask;
        return new NightSummary(
            night.Id,
            night.Start,
            night.End,
            night.TimeInBed,
            night.Sleep.TimeAsleep,
            night.Sleep.LowestHeartRateBpm,
            night.Sleep.TypicalHeartRateBpm,
            list.Count(e => e.Source == CrampEventSource.Detected && !Brief(e)),
            list.Count(e => e.IsConfirmedCramp),
            list.Count(e => e.Status == ReviewStatus.Dismissed),
            list.Count(e => e.Status == ReviewStatus.Pending && !Brief(e)),
            night.GapTime,
            list.Count(Brief),
            night.DominantPosition);
    }
}
