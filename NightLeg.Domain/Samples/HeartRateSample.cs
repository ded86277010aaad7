namespace NightLeg.Domain.Samples;

/// <summary>
/// One heart-rate reading as the wearable reported it. Immutable; safe to share between threads.
/// </summary>
/// <param name="At">UTC instant the reading was received.</param>
/// <param name="HeartRateBpm">Heart rate in beats per minute; 0 means the sensor had no reading.</param>
/// <param name="RrIntervalsMs">RR intervals in milliseconds, oldest first; empty when the device sends none.</param>
/// <param name="Contact">Skin contact as the sensor reports it.</param>
public sealed record HeartRateSample(DateTimeOffset At, int HeartRateBpm, IReadOnlyList<double> RrIntervalsMs, SensorContact Contact)
{
    /// <summary>Lowest heart rate NightLeg accepts as a reading (below it is a sensor artefact).</summary>
    public const int MinimumPlausibleBpm = 25;

    /// <summary>Highest heart rate NightLeg accepts as a reading (above it is a sensor artefact).</summary>
    public const int MaximumPlausibleBpm = 240;

    /// <summary>Creates a sample without RR intervals.</summary>
    public HeartRateSample(DateTimeOffset at, int heartRateBpm, SensorContact contact = SensorContact.Unsupported)
        : this(at, heartRateBpm, [], contact)
    {
    }

    /// <summary>
    /// True when the reading can be used: contact is not reported lost and the value is plausible
    /// (a 0 from a watch that lost the wrist, or a no-contact strap, is a drop-out, not a heart rate).
    /// </summary>
    public bool IsUsable =>
        Contact != SensorContact.NotDetected && HeartRateBpm is >= MinimumPlausibleBpm and <= MaximumPlausibleBpm;
}
