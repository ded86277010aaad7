namespace NightLeg.Sync.Ble.Simulated;

/// <summary>A stretch of the night, as offsets from its start.</summary>
/// <param name="At">Offset from the start of the night.</param>
/// <param name="Duration">How long it lasts (night time).</param>
public readonly record struct FaultWindow(TimeSpan At, TimeSpan Duration)
{
    /// <summary>True when <paramref name="offset"/> lies inside.</summary>
    public bool Contains(TimeSpan offset) => offset >= At && offset < At + Duration;
}
