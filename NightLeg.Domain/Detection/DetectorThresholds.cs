namespace NightLeg.Domain.Detection;

/// <summary>
/// The thresholds that change with <see cref="Sensitivity"/>. Heart-rate evidence is a one-sided
/// CUSUM over the rise above the sleeping baseline: each second adds (rise − allowance) bpm, and
/// the sum never goes below zero, so a large rise decides fast and a small one needs longer,
/// while swings inside the allowance add nothing. Immutable.
/// </summary>
/// <param name="ActiveSecondsWithHeartRate">Active seconds in the last 20 s that, together with heart-rate evidence, show a real awakening (a turn-over is 2–5 s).</param>
/// <param name="HeartRateEvidenceWithMotionBpmSeconds">CUSUM level (bpm·s above <see cref="DetectorConstants.MotionAllowanceBpm"/>) that, with movement, decides.</param>
/// <param name="HeartRateEvidenceAloneBpmSeconds">CUSUM level (bpm·s above <see cref="DetectorConstants.AloneAllowanceBpm"/>) that decides without motion data.</param>
/// <param name="HeartRateEvidenceWhileStillBpmSeconds">CUSUM level that decides when motion is measured but the body is still.</param>
/// <param name="MotionOnlyActiveSeconds">Active seconds in the last 20 s that decide while the heart rate has dropped out.</param>
public sealed record DetectorThresholds(
    int ActiveSecondsWithHeartRate,
    double HeartRateEvidenceWithMotionBpmSeconds,
    double HeartRateEvidenceAloneBpmSeconds,
    double HeartRateEvidenceWhileStillBpmSeconds,
    int MotionOnlyActiveSeconds)
{
    /// <summary>
    /// Low: e.g. +15 bpm with 9 active seconds decides after ≈7 s of rise; a heart-rate-only +18 bpm after ≈18 s.
    /// </summary>
    public static DetectorThresholds Low { get; } = new(9, 60, 180, 260, 14);

    /// <summary>
    /// Normal: +15 bpm with movement decides after ≈4 s of rise; heart rate only, +15 bpm after
    /// ≈17 s and +20 bpm after ≈10 s (CRAMPS.md: +10–25 bpm within 5–15 s of a painful awakening).
    /// </summary>
    public static DetectorThresholds Normal { get; } = new(6, 30, 120, 180, 12);

    /// <summary>High: +10 bpm with 5 active seconds decides; heart rate only, +12 bpm after ≈20 s.</summary>
    public static DetectorThresholds High { get; } = new(5, 20, 80, 120, 10);

    /// <summary>The thresholds for <paramref name="sensitivity"/>.</summary>
    public static DetectorThresholds For(Sensitivity sensitivity) => sensitivity switch
    {
        Sensitivity.Low => Low,
        Sensitivity.High => High,
        _ => Normal,
    };
}
