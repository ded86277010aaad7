using NightLeg.Sync.Gatt.Polar;

namespace NightLeg.Sync.Simulation;

/// <summary>
/// A wearable the simulator imitates byte for byte, declared by its device family
/// (<see cref="Devices.DeviceFamily.Simulated"/>): its name, services, and which heart and motion
/// signals it sends. The simulator knows the signal kinds; the families say which they have.
/// Immutable.
/// </summary>
/// <param name="Name">The name <c>--device</c> takes (<c>polar-h10</c>).</param>
/// <param name="FamilyId">The family it belongs to.</param>
/// <param name="AdvertisedName">What it advertises and writes into a capture's header.</param>
/// <param name="Services">The GATT services it offers.</param>
/// <param name="Heart">How it sends heart rate.</param>
/// <param name="Motion">How it sends movement.</param>
/// <param name="Wrist">Worn on a wrist or arm (random orientation) rather than the chest.</param>
/// <param name="ContactLosses">Loses skin contact now and then (straps).</param>
/// <param name="AccOffered">For <see cref="MotionSignal.PolarPmdAcc"/>: what it answers to "get ACC settings"; it refuses any other start.</param>
public sealed record SimulatedWearable(
    string Name,
    string FamilyId,
    string AdvertisedName,
    IReadOnlyList<Guid> Services,
    HeartSignal Heart,
    MotionSignal Motion,
    bool Wrist,
    bool ContactLosses,
    PmdSettings? AccOffered = null)
{
    /// <summary>The ACC settings a NightLeg host starts on it (and so the rate the simulation streams); null without PMD.</summary>
    public PmdAccSettings? AccStarted => AccOffered is null ? null : PmdAccSettings.ForSleep(AccOffered);

    /// <summary>True when it measures movement.</summary>
    public bool HasMotion => Motion != MotionSignal.None;
}
