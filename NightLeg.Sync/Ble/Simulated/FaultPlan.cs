namespace NightLeg.Sync.Ble.Simulated;

/// <summary>A stretch of the night, as offsets from its start.</summary>
/// <param name="At">Offset from the start of the night.</param>
/// <param name="Duration">How long it lasts (night time).</param>
public readonly record struct FaultWindow(TimeSpan At, TimeSpan Duration)
{
    /// <summary>True when <paramref name="offset"/> lies inside.</summary>
    public bool Contains(TimeSpan offset) => offset >= At && offset < At + Duration;
}

/// <summary>
/// Faults the simulated wearable injects. Immutable.
/// </summary>
/// <param name="LinkLosses">The link drops (out of range) and the device cannot be reached.</param>
/// <param name="Silences">Notifications stop without a disconnect (a hung sensor).</param>
/// <param name="LateServices">Services resolve only this long (wall time) after connecting.</param>
/// <param name="ConnectFailures">The first N connection attempts fail.</param>
public sealed record FaultPlan(IReadOnlyList<FaultWindow> LinkLosses, IReadOnlyList<FaultWindow> Silences, TimeSpan LateServices, int ConnectFailures)
{
    /// <summary>No faults.</summary>
    public static FaultPlan None { get; } = new([], [], TimeSpan.Zero, 0);
}
