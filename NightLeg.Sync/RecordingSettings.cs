using NightLeg.Sync.Ble.Simulated;
using NightLeg.Sync.Live;

namespace NightLeg.Sync;

/// <summary>The demo wearable's night. Immutable.</summary>
/// <param name="Speed">How many times faster than real time it plays.</param>
/// <param name="Faults">Injected faults.</param>
public sealed record DemoSettings(double Speed, FaultPlan Faults);

/// <summary>How <c>AddNightLegRecording</c> records a night. Immutable.</summary>
/// <param name="Sync">The night sync service's options.</param>
/// <param name="Demo">How the demo wearable plays when it is the paired device.</param>
/// <param name="RecordPath">Also write the live notification stream to this capture file.</param>
public sealed record RecordingSettings(SyncOptions Sync, DemoSettings Demo, string? RecordPath);
