namespace NightLeg.Sync.Devices;

/// <summary>What a kind of wearable can measure. Immutable.</summary>
/// <param name="HeartRate">Heart rate.</param>
/// <param name="RrIntervals">Beat-to-beat (RR) intervals.</param>
/// <param name="Movement">An accelerometer NightLeg reads.</param>
/// <param name="Battery">A battery level.</param>
/// <param name="Placement">Where it is worn.</param>
public sealed record DeviceCapabilities(bool HeartRate, bool RrIntervals, bool Movement, bool Battery, BodyPlacement Placement)
{
    /// <summary>True when it is worn on the chest only, so its movement tells the body's position.</summary>
    public bool OnChest => Placement == BodyPlacement.Chest;
};
