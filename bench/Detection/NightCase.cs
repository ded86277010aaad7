using NightLeg.Sync.Devices;
using NightLeg.Sync.Simulation;

namespace NightLeg.Bench.Detection;

/// <summary>One synthetic night of the fixed benchmark set.</summary>
public sealed record NightCase(string HypnogramId, SimulatedWearable Device, int Seed, int Cramps)
{
    /// <summary>The devices of the synthetic set: a chest strap (heart rate only), two with motion.</summary>
    public static readonly SimulatedWearable[] DefaultDevices =
        [.. new[] { "hr-strap", "wrist-hr", "infinitime", "polar-h10", "polar-verity-sense" }.Select(DeviceFamilies.Default.Simulate)];

    /// <summary>Each device's place in the cramp-count cycle (fixed, so adding a device does not reshuffle the others' nights).</summary>
    private static readonly string[] CycleOrder = ["hr-strap", "infinitime", "polar-h10", "wrist-hr", "polar-verity-sense"];

    /// <summary>Seeds of the set the thresholds were chosen on.</summary>
    public const int TuningSeeds = 1000;

    /// <summary>Seeds of a held-out set: other sleepers on the same hypnograms, never looked at while choosing thresholds.</summary>
    public const int HeldOutSeeds = 7000;

    /// <summary>
    /// The fixed set: every embedded hypnogram × every device, seed from <paramref name="seedBase"/> + the
    /// hypnogram's position, 0–3 cramps cycling so every count appears for every device.
    /// </summary>
    public static IReadOnlyList<NightCase> FixedSet(IEnumerable<SimulatedWearable> devices, int seedBase = TuningSeeds)
    {
        var ids = HypnogramLibrary.Ids;
        return devices.SelectMany(device => ids.Select((id, i) => new NightCase(id, device, seedBase + i, (i + Math.Max(0, Array.IndexOf(CycleOrder, device.Name))) % 4))).ToList();
    }

    /// <summary>The same sleeper (same seed: same heart, same surges) on the night before, on the next hypnogram, without cramps.</summary>
    public SimulationOptions NightBefore => Options with
    {
        Cramps = 0,
        Hypnogram = HypnogramLibrary.Get(HypnogramLibrary.Ids[(HypnogramLibrary.Ids.ToList().IndexOf(HypnogramId) + 1) % HypnogramLibrary.Ids.Count]),
        Start = Options.Start.AddDays(-1),
    };

    public SimulationOptions Options => new(Seed, Device, Cramps, HypnogramLibrary.Get(HypnogramId),
        new DateTimeOffset(2026, 3, 10, 22, 0, 0, TimeSpan.Zero), SimulationOptions.DefaultTimeZone);
}
