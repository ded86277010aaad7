namespace NightLeg.Domain.History;

/// <summary>Sleep figures of one night. Immutable.</summary>
/// <param name="TimeAsleep">Time in established sleep.</param>
/// <param name="LowestHeartRateBpm">Lowest one-minute median heart rate while asleep, in bpm (robust to single low readings).</param>
/// <param name="TypicalHeartRateBpm">Median heart rate while asleep, in bpm.</param>
public sealed record SleepStatistics(TimeSpan TimeAsleep, double? LowestHeartRateBpm, double? TypicalHeartRateBpm)
{
    /// <summary>Nothing known yet.</summary>
    public static SleepStatistics None { get; } = new(TimeSpan.Zero, null, null);
}
