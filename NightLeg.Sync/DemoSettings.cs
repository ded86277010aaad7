using NightLeg.Sync.Ble.Simulated;

namespace NightLeg.Sync;

/// <summary>The demo wearable's night. Immutable.</summary>
/// <param name="Speed">How many times faster than real time it plays.</param>
/// <param name="Faults">Injected faults.</param>
public sealed record DemoSettings(double Speed, FaultPlan Faults);
