namespace NightLeg.Domain.Nights;

/// <summary>How many samples a recorder took in. Immutable.</summary>
/// <param name="HeartRate">Heart-rate samples received (usable or not).</param>
/// <param name="Motion">Motion samples received.</param>
/// <param name="Unusable">Heart-rate samples that carried no usable reading (no contact, 0 bpm, implausible).</param>
/// <param name="Late">Samples that arrived after their second had been closed.</param>
public readonly record struct SampleCounts(long HeartRate, long Motion, long Unusable, long Late);
