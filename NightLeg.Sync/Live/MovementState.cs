namespace NightLeg.Sync.Live;

/// <summary>The wearable's movement stream on this connection. Immutable.</summary>
/// <param name="Stream">What runs ("ACC 25 Hz, ±2 G, 16 bit"); null when none.</param>
/// <param name="Unavailable">Why movement is not recorded although the wearable could measure it; null when it is.</param>
public sealed record MovementState(string? Stream, NightLeg.Sync.Devices.MovementProblem? Unavailable);
