namespace NightLeg.Domain.Detection;

/// <summary>
/// The thresholds that change with <see cref="Sensitivity"/>. Heart-rate evidence is a one-sided
/// CUSUM over the rise above the sleeping baseline: each second adds (rise − allowance) bpm and the
/// sum never goes below zero, so a large rise decides fast, a small one needs longer, and swings
/// inside the allowance add nothing. Without motion the allowance is the sleeper's own: a fraction
/// of their surge level (see <see cref="SleeperProfile"/>), never below a floor. Immutable.
/// </summary>
public sealed record DetectorThresholds
{
    /// <summary>Active seconds a bout of movement (<see cref="MovementBout"/>) must reach, with the heart rate up, to decide out of settled sleep: a turn-over is 2–6 s; real arousals in sleep bring bouts of 10–25 active seconds (data/motion-nights), a cramp keeps the leg working for tens of seconds to minutes.</summary>
    public required int BoutActiveSeconds { get; init; }

    /// <summary>Share of the bout's seconds with data that must be active: a cramp keeps the leg working in 50–90 % of seconds, restlessness is scattered.</summary>
    public required double BoutActiveShare { get; init; }

    /// <summary>The bout's active seconds needed are multiplied by this when the sleep was already restless (another bout of movement ended within <see cref="DetectorConstants.SettledMovementSeconds"/>): real arousals come in clusters, a cramp out of quiet sleep.</summary>
    public required double UnsettledMovementFactor { get; init; }

    /// <summary>Each motion prompt tonight that turned out not to be a cramp (a brief awakening, or one without a cramp's signs) makes the next need this much more movement (a fraction of <see cref="BoutActiveSeconds"/>): this sleeper's ordinary arousals reach the rule.</summary>
    public required double LearnedMovementStep { get; init; }

    /// <summary>…up to this many times <see cref="BoutActiveSeconds"/>: a cramp keeps the leg working for minutes, so even the most restless sleeper's cramp still gets there.</summary>
    public required double LearnedMovementCap { get; init; }

    /// <summary>Without motion, the allowance is this fraction of the sleeper's surge level…</summary>
    public required double AloneAllowanceOfSurgeLevel { get; init; }

    /// <summary>…and never less than this (bpm): heart-rate swings of the calmest sleepers stay within it.</summary>
    public required double AloneAllowanceFloorBpm { get; init; }

    /// <summary>Seconds in a row the rise must stay at or above the allowance to decide on heart rate alone, out of settled sleep: a cramp holds the heart rate up while it lasts (20 s to minutes); sleep surges mostly fall back within 20 s.</summary>
    public required int HeartRateAloneSustainSeconds { get; init; }

    /// <summary>The sustain needed on heart rate alone is multiplied by this when the sleep was unsettled (a surge in the last <see cref="DetectorConstants.SettledSleepSeconds"/>): real arousals come in clusters, a cramp out of quiet sleep.</summary>
    public required double UnsettledEvidenceFactor { get; init; }

    /// <summary>Low: fewer prompts.</summary>
    public static DetectorThresholds Low { get; } = new()
    {
        BoutActiveSeconds = 20,
        BoutActiveShare = 0.5,
        UnsettledMovementFactor = 2,
        LearnedMovementStep = 0.25,
        LearnedMovementCap = 2,
        AloneAllowanceOfSurgeLevel = 0.5,
        AloneAllowanceFloorBpm = 12,
        HeartRateAloneSustainSeconds = 60,
        UnsettledEvidenceFactor = 2,
    };

    /// <summary>Normal: the default (measured in docs/benchmarks.md).</summary>
    public static DetectorThresholds Normal { get; } = new()
    {
        BoutActiveSeconds = 14,
        BoutActiveShare = 0.5,
        UnsettledMovementFactor = 1.5,
        LearnedMovementStep = 0.25,
        LearnedMovementCap = 2,
        AloneAllowanceOfSurgeLevel = 0.3,
        AloneAllowanceFloorBpm = 10,
        HeartRateAloneSustainSeconds = 50,
        UnsettledEvidenceFactor = 1.5,
    };

    /// <summary>High: prompts on weaker evidence, for light sleepers whose cramps wake them gently.</summary>
    public static DetectorThresholds High { get; } = new()
    {
        BoutActiveSeconds = 10,
        BoutActiveShare = 0.4,
        UnsettledMovementFactor = 1.5,
        LearnedMovementStep = 0.25,
        LearnedMovementCap = 2,
        AloneAllowanceOfSurgeLevel = 0.3,
        AloneAllowanceFloorBpm = 8,
        HeartRateAloneSustainSeconds = 30,
        UnsettledEvidenceFactor = 1.5,
    };

    /// <summary>The thresholds for <paramref name="sensitivity"/>.</summary>
    public static DetectorThresholds For(Sensitivity sensitivity) => sensitivity switch
    {
        Sensitivity.Low => Low,
        Sensitivity.High => High,
        _ => Normal,
    };

    /// <summary>The allowance (bpm) on heart rate alone for a sleeper with this surge level.</summary>
    public double AloneAllowanceBpm(double surgeLevelBpm) => Math.Max(AloneAllowanceFloorBpm, AloneAllowanceOfSurgeLevel * surgeLevelBpm);
}
