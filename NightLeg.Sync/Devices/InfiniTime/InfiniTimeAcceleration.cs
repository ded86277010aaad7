namespace NightLeg.Sync.Devices.InfiniTime;

/// <summary>One InfiniTime accelerometer reading. Immutable.</summary>
/// <param name="XG">X in g.</param>
/// <param name="YG">Y in g.</param>
/// <param name="ZG">Z in g.</param>
public readonly record struct InfiniTimeAcceleration(double XG, double YG, double ZG);
