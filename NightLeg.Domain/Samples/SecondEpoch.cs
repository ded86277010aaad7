namespace NightLeg.Domain.Samples;

/// <summary>
/// One second of the night, summarised from the samples that fell into it. The detector and the
/// history both read these. Immutable.
/// </summary>
/// <param name="Start">UTC instant at the start of the second (a whole second).</param>
/// <param name="HeartRateBpm">Heart rate in bpm during this second, or null when there was no usable reading.</param>
/// <param name="MovementG">
/// Movement magnitude in g: the vector standard deviation of acceleration over the second
/// (including the last reading of the second before), or null when the wearable sent no motion.
/// </param>
/// <param name="Posture">Mean direction of gravity over the second, or null without motion.</param>
/// <param name="ContactLost">The wearable said in this second that it has no skin contact (a strap slipping or taken off).</param>
public readonly record struct SecondEpoch(DateTimeOffset Start, double? HeartRateBpm, double? MovementG, Posture? Posture, bool ContactLost = false)
{
    /// <summary>True when the second has neither heart rate nor motion.</summary>
    public bool IsEmpty => HeartRateBpm is null && MovementG is null;
}
