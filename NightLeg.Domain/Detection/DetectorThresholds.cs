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
    /// <summary>Active seconds in the last 20 s that, with heart-rate evidence, show a real awakening (a turn-over is 2–6 s).</summary>
    public required int ActiveSecondsWithHeartRate { get; init; }

    /// <summary>Rise (bpm) that adds no evidence while the body moves: a turn-over raises heart rate ≈2–6 bpm.</summary>
    public required double MotionAllowanceBpm { get; init; }

    /// <summary>CUSUM level (bpm·s above <see cref="MotionAllowanceBpm"/>) that, with movement, decides.</summary>
    public required double HeartRateEvidenceWithMotionBpmSeconds { get; init; }

    /// <summary>Active seconds in the last 20 s that, with any heart-rate rise, decide: sustained movement is wakefulness (a turn-over lasts ≤ 6 s).</summary>
    public required int MotionLedActiveSeconds { get; init; }

    /// <summary>Active seconds in the last 20 s that decide while the heart rate has dropped out.</summary>
    public required int MotionOnlyActiveSeconds { get; init; }

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
        ActiveSecondsWithHeartRate = 14,
        MotionAllowanceBpm = 6,
        HeartRateEvidenceWithMotionBpmSeconds = 60,
        MotionLedActiveSeconds = 18,
        MotionOnlyActiveSeconds = 14,
        AloneAllowanceOfSurgeLevel = 0.5,
        AloneAllowanceFloorBpm = 12,
        HeartRateAloneSustainSeconds = 60,
        UnsettledEvidenceFactor = 2,
    };

    /// <summary>Normal: the default (measured in docs/benchmarks.md).</summary>
    public static DetectorThresholds Normal { get; } = new()
    {
        ActiveSecondsWithHeartRate = 12,
        MotionAllowanceBpm = 6,
        HeartRateEvidenceWithMotionBpmSeconds = 30,
        MotionLedActiveSeconds = 16,
        MotionOnlyActiveSeconds = 12,
        AloneAllowanceOfSurgeLevel = 0.3,
        AloneAllowanceFloorBpm = 10,
        HeartRateAloneSustainSeconds = 50,
        UnsettledEvidenceFactor = 1.5,
    };

    /// <summary>High: prompts on weaker evidence, for light sleepers whose cramps wake them gently.</summary>
    public static DetectorThresholds High { get; } = new()
    {
        ActiveSecondsWithHeartRate = 9,
        MotionAllowanceBpm = 5,
        HeartRateEvidenceWithMotionBpmSeconds = 20,
        MotionLedActiveSeconds = 13,
        MotionOnlyActiveSeconds = 10,
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
