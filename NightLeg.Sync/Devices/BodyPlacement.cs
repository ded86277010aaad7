namespace NightLeg.Sync.Devices;

/// <summary>Where a family's devices are worn; a family worn in several places has several flags.</summary>
[Flags]
public enum BodyPlacement
{
    /// <summary>Not said.</summary>
    None = 0,

    /// <summary>A chest strap: it sees the body's position (lying, sitting up).</summary>
    Chest = 1,

    /// <summary>A watch.</summary>
    Wrist = 2,

    /// <summary>An arm band.</summary>
    Arm = 4,
}
