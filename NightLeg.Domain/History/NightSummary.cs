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
/// <param name="Awakenings">Detected awakenings.</param>
/// <param name="ConfirmedCramps">Cramps confirmed or logged by hand.</param>
/// <param name="DismissedEvents">Events dismissed as not a cramp.</param>
/// <param name="UnreviewedEvents">Events still waiting for the morning review.</param>
/// <param name="GapTime">Time without data.</param>
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
    TimeSpan GapTime)
{
    /// <summary>True when at least one cramp was confirmed that night.</summary>
    public bool IsCrampNight => ConfirmedCramps > 0;

    /// <summary>Summarises a night and its events.</summary>
    public static NightSummary Of(Night night, IEnumerable<CrampEvent> events)
    {
        var list = events.Where(e => e.Night == night.Id).ToList();
        return new NightSummary(
            night.Id,
            night.Start,
            night.End,
            night.TimeInBed,
            night.Sleep.TimeAsleep,
            night.Sleep.LowestHeartRateBpm,
            night.Sleep.TypicalHeartRateBpm,
            list.Count(e => e.Source == CrampEventSource.Detected),
            list.Count(e => e.IsConfirmedCramp),
            list.Count(e => e.Status == ReviewStatus.Dismissed),
            list.Count(e => e.Status == ReviewStatus.Pending),
            night.GapTime);
    }
}
