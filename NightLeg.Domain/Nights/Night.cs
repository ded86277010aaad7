using NightLeg.Domain.History;
using NightLeg.Domain.Samples;

namespace NightLeg.Domain.Nights;

/// <summary>
/// One night of recording. Immutable: changes make a new instance with <c>with</c>.
/// </summary>
/// <remarks>
/// Where a night starts and ends: when the user pressed start/stop, those instants
/// (<see cref="ExplicitStart"/>, <see cref="ExplicitEnd"/>). Otherwise automatically: it starts at
/// the first sustained sleep after the evening (<see cref="SleepOnset"/>, the start of the calm
/// run that established sleep) and ends at the final awakening of the morning
/// (<see cref="FinalAwakening"/>: the last detected awakening not followed by sleep again); with
/// neither, the recording's own bounds. Durations are differences of UTC instants (see
/// <see cref="NightCalendar"/> for DST).
/// </remarks>
/// <param name="Id">The night's evening date and time zone.</param>
/// <param name="RecordingStart">UTC instant of the first data.</param>
/// <param name="RecordingEnd">UTC instant of the last data.</param>
/// <param name="ExplicitStart">UTC instant the user started the night, if they did.</param>
/// <param name="ExplicitEnd">UTC instant the user stopped the night, if they did.</param>
/// <param name="SleepOnset">UTC start of the first sustained sleep, if there was one.</param>
/// <param name="FinalAwakening">UTC instant of the final awakening of the morning, if one was detected.</param>
/// <param name="Gaps">Stretches without data, in time order.</param>
/// <param name="Sleep">Time asleep and sleeping heart rate.</param>
/// <param name="BatteryAtStartPercent">The wearable's battery at the first reading of the night, percent.</param>
/// <param name="BatteryAtEndPercent">Its battery at the last reading, percent.</param>
/// <param name="PositionSeconds">Seconds asleep in each lying position (a chest strap only; null otherwise).</param>
public sealed record Night(
    NightId Id,
    DateTimeOffset RecordingStart,
    DateTimeOffset RecordingEnd,
    DateTimeOffset? ExplicitStart,
    DateTimeOffset? ExplicitEnd,
    DateTimeOffset? SleepOnset,
    DateTimeOffset? FinalAwakening,
    IReadOnlyList<RecordingGap> Gaps,
    SleepStatistics Sleep,
    int? BatteryAtStartPercent = null,
    int? BatteryAtEndPercent = null,
    IReadOnlyDictionary<BodyPosition, int>? PositionSeconds = null)
{
    /// <summary>Asleep this long in known positions before the night has a dominant one.</summary>
    public static readonly TimeSpan PositionMinimum = TimeSpan.FromMinutes(30);

    /// <summary>The position most of the night's sleep was spent in, when a chest strap saw at least <see cref="PositionMinimum"/> of it.</summary>
    public BodyPosition? DominantPosition =>
        PositionSeconds is { Count: > 0 } seconds && seconds.Values.Sum() >= PositionMinimum.TotalSeconds
            ? seconds.MaxBy(p => p.Value).Key
            : null;

    /// <summary>Where the night starts, by the rule above.</summary>
    public DateTimeOffset Start => ExplicitStart ?? SleepOnset ?? RecordingStart;

    /// <summary>Where the night ends, by the rule above.</summary>
    public DateTimeOffset End => ExplicitEnd ?? (FinalAwakening is { } f && f > Start ? f : RecordingEnd);

    /// <summary>Time in bed: from the user's start (else the first data) to their stop (else the last data).</summary>
    public TimeSpan TimeInBed => (ExplicitEnd ?? RecordingEnd) - (ExplicitStart ?? RecordingStart);

    /// <summary>Time without data because of the link or silence (not worn counted apart).</summary>
    public TimeSpan GapTime => Gaps.Where(g => g.Reason != GapReason.NotWorn).Aggregate(TimeSpan.Zero, (sum, g) => sum + g.Duration);

    /// <summary>Time the wearable was not worn (no skin contact for a stretch).</summary>
    public TimeSpan NotWornTime => Gaps.Where(g => g.Reason == GapReason.NotWorn).Aggregate(TimeSpan.Zero, (sum, g) => sum + g.Duration);

    /// <summary>True when <paramref name="instant"/> lies within the night's time in bed (inclusive).</summary>
    public bool Contains(DateTimeOffset instant) =>
        instant >= (ExplicitStart ?? RecordingStart) && instant <= (ExplicitEnd ?? RecordingEnd);
}
