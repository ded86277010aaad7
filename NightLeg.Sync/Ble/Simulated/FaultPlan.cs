namespace NightLeg.Sync.Ble.Simulated;

/// <summary>
/// Faults the simulated wearable injects. Immutable.
/// </summary>
/// <param name="LinkLosses">The link drops (out of range) and the device cannot be reached.</param>
/// <param name="Silences">Notifications stop without a disconnect (a hung sensor).</param>
/// <param name="LateServices">Services resolve only this long (wall time) after connecting.</param>
/// <param name="ConnectFailures">The first N connection attempts fail.</param>
/// <param name="AccStartStatus">A Polar sensor answers every ACC start with this error status (e.g. 13, "device in charger"); null = it starts what it offers.</param>
public sealed record FaultPlan(IReadOnlyList<FaultWindow> LinkLosses, IReadOnlyList<FaultWindow> Silences, TimeSpan LateServices, int ConnectFailures, byte? AccStartStatus = null)
{
    /// <summary>No faults.</summary>
    public static FaultPlan None { get; } = new([], [], TimeSpan.Zero, 0);
}
