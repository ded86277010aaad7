namespace NightLeg.Domain.Detection;

/// <summary>
/// A sudden awakening out of established sleep, raised once per awakening the moment the evidence
/// is there. Immutable.
/// </summary>
/// <param name="Onset">UTC estimate of when the awakening began (the first disturbed second).</param>
/// <param name="DetectedAt">UTC instant of the second in which the detector decided (end of that second).</param>
/// <param name="BaselineHeartRateBpm">Sleeping baseline heart rate before the onset, in bpm; null when heart rate was not available.</param>
/// <param name="PeakHeartRateBpm">Highest heart rate between onset and detection, in bpm; null without heart rate.</param>
/// <param name="ActiveSeconds">Seconds with movement above the activity threshold between onset and detection.</param>
/// <param name="PostureChangeDegrees">Change of posture from the sleeping posture, in degrees; null without motion.</param>
/// <param name="Confidence">0–1: how strong the evidence was (1 = far beyond every threshold).</param>
/// <param name="Evidence">Which signals carried the decision.</param>
/// <param name="Position">How the sleeper lay just before waking (a chest strap only), for the diary.</param>
/// <param name="OutOfSettledSleep">True when the awakening came out of settled sleep: no bout of movement and no heart-rate surge in the minutes before it (a cramp wakes the sleeper out of quiet sleep; arousals cluster in restless sleep).</param>
public sealed record AwakeningDetected(
    DateTimeOffset Onset,
    DateTimeOffset DetectedAt,
    double? BaselineHeartRateBpm,
    double? PeakHeartRateBpm,
    int ActiveSeconds,
    double? PostureChangeDegrees,
    double Confidence,
    DetectionEvidence Evidence,
    Samples.BodyPosition? Position = null,
    bool OutOfSettledSleep = true)
{
    /// <summary>Detection latency: from the estimated onset to the decision.</summary>
    public TimeSpan Latency => DetectedAt - Onset;

    /// <summary>Peak minus baseline heart rate in bpm, when both are known.</summary>
    public double? HeartRateRiseBpm => PeakHeartRateBpm - BaselineHeartRateBpm;
}
