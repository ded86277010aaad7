namespace NightLeg.Sync.Devices.Polar;

/// <summary>One accelerometer sample from a PMD frame. Immutable.</summary>
/// <param name="TimestampNs">Sensor time in nanoseconds since 2000-01-01T00:00:00Z.</param>
/// <param name="XMg">X in milli-g.</param>
/// <param name="YMg">Y in milli-g.</param>
/// <param name="ZMg">Z in milli-g.</param>
public readonly record struct PmdAccSample(ulong TimestampNs, int XMg, int YMg, int ZMg);
