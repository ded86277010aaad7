namespace NightLeg.Sync.Simulation;

/// <summary>
/// A wearable the simulator imitates byte for byte, declared by its device family
/// (<see cref="Devices.DeviceFamily.Simulated"/>): its name, services, which heart signal it sends,
/// and its movement stream (made by the family). Immutable.
/// </summary>
/// <param name="Name">The name <c>--device</c> takes (<c>polar-h10</c>).</param>
/// <param name="FamilyId">The family it belongs to.</param>
/// <param name="AdvertisedName">What it advertises and writes into a capture's header.</param>
/// <param name="Services">The GATT services it offers.</param>
/// <param name="Heart">How it sends heart rate.</param>
/// <param name="Motion">How it sends movement; null when it has no accelerometer.</param>
/// <param name="Wrist">Worn on a wrist or arm (random orientation) rather than the chest.</param>
/// <param name="ContactLosses">Loses skin contact now and then (straps).</param>
public sealed record SimulatedWearable(
    string Name,
    string FamilyId,
    string AdvertisedName,
    IReadOnlyList<Guid> Services,
    HeartSignal Heart,
    SimulatedMotion? Motion,
    bool Wrist,
    bool ContactLosses)
{
    /// <summary>True when it measures movement.</summary>
    public bool HasMotion => Motion is not null;
}
