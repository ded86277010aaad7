namespace NightLeg.Domain.Samples;

/// <summary>
/// One accelerometer reading in the wearable's own axes. Immutable; safe to share between threads.
/// </summary>
/// <param name="At">UTC instant of the reading.</param>
/// <param name="XG">Acceleration along X in g (1 g = 9.80665 m/s²).</param>
/// <param name="YG">Acceleration along Y in g.</param>
/// <param name="ZG">Acceleration along Z in g.</param>
public readonly record struct MotionSample(DateTimeOffset At, double XG, double YG, double ZG);
