namespace NightLeg.Domain.Detection;

/// <summary>
/// The thresholds that change with <see cref="Sensitivity"/>. Heart-rate evidence is a one-sided
/// CUSUM over the rise above the sleeping baseline: each second adds (rise − allowance) bpm, and
/// the sum never goes below zero, so a large rise decides fast and a small one needs longer,
/// while swings inside the allowance add nothing. Immutable.
/// </summary>
/// <param name="ActiveSecondsWithHeartRate">Active seconds in the last 20 s that, together with heart-rate evidence, show a real awakening (a turn-over is 2–6 s).</param>
/// <param name="MotionAllowanceBpm">Rise above baseline (bpm) that adds no evidence when the body moves: a turn-over or brief arousal raises heart rate ≈5 bpm (Azarbarzin 2014: weaker arousals rise less than 6–22 bpm).</param>
/// <param name="HeartRateEvidenceWithMotionBpmSeconds">CUSUM level (bpm·s above <paramref name="MotionAllowanceBpm"/>) that, with movement, decides.</param>
/// <param name="AloneAllowanceBpm">Rise (bpm) that adds no evidence without movement: REM and brief arousals swing heart rate by up to ≈10 bpm for seconds to tens of seconds.</param>
/// <param name="HeartRateEvidenceAloneBpmSeconds">CUSUM level (bpm·s above <paramref name="AloneAllowanceBpm"/>) that decides without motion data.</param>
/// <param name="HeartRateEvidenceWhileStillBpmSeconds">CUSUM level that decides when motion is measured but the body is still.</param>
/// <param name="MotionOnlyActiveSeconds">Active seconds in the last 20 s that decide while the heart rate has dropped out.</param>
/// <param name="MotionLedActiveSeconds">Active seconds in the last 20 s that, with any heart-rate rise (≥ <see cref="DetectorConstants.MotionLedRiseBpm"/>), decide: sustained movement is wakefulness (a turn-over lasts ≤ 6 s; awake people move ≈4× as often, Sicbaldi 2025).</param>
public sealed record DetectorThresholds(
    int ActiveSecondsWithHeartRate,
    double MotionAllowanceBpm,
    double HeartRateEvidenceWithMotionBpmSeconds,
    double AloneAllowanceBpm,
    double HeartRateEvidenceAloneBpmSeconds,
    double HeartRateEvidenceWhileStillBpmSeconds,
    int MotionOnlyActiveSeconds,
    int MotionLedActiveSeconds)
{
    /// <summary>
    /// Low: needs 10 active seconds in 20 s with +12 bpm; heart rate alone must rise by about
    /// +22 bpm (allowance 10, evidence 120 bpm·s: ≈10 s at +22).
    /// </summary>
    public static DetectorThresholds Low { get; } = new(10, 6, 60, 10, 120, 240, 14, 16);

    /// <summary>
    /// Normal (measured in docs/benchmarks.md): with movement, +15 bpm and 8 active seconds decide
    /// ≈4 s after the rise; heart rate alone, +15 bpm decides after ≈13 s and +25 bpm after ≈5 s
    /// (allowance 9, evidence 80 bpm·s; CRAMPS.md: +10–25 bpm within 5–15 s of a painful awakening).
    /// </summary>
    public static DetectorThresholds Normal { get; } = new(8, 6, 30, 9, 80, 150, 12, 14);

    /// <summary>High: 6 active seconds with +10 bpm decide; heart rate alone, +14 bpm after ≈10 s.</summary>
    public static DetectorThresholds High { get; } = new(6, 5, 20, 8, 60, 100, 10, 12);

    /// <summary>The thresholds for <paramref name="sensitivity"/>.</summary>
    public static DetectorThresholds For(Sensitivity sensitivity) => sensitivity switch
    {
        Sensitivity.Low => Low,
        Sensitivity.High => High,
        _ => Normal,
    };
}
