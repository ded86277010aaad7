using NightLeg.Sync.Simulation;

namespace NightLeg.Bench.Detection;

/// <summary>One synthetic night of the fixed benchmark set.</summary>
public sealed record NightCase(string HypnogramId, SimulatedDevice Device, int Seed, int Cramps)
{
    /// <summary>The devices of the synthetic set: a chest strap (heart rate only), two with motion.</summary>
    public static readonly SimulatedDevice[] DefaultDevices = [SimulatedDevice.HrStrap, SimulatedDevice.WristHr, SimulatedDevice.InfiniTime, SimulatedDevice.PolarH10];

    /// <summary>
    /// The fixed set: every embedded hypnogram × every device, seed from the hypnogram's position,
    /// 0–3 cramps cycling so every count appears for every device.
    /// </summary>
    public static IReadOnlyList<NightCase> FixedSet(IEnumerable<SimulatedDevice> devices)
    {
        var ids = HypnogramLibrary.Ids;
        return devices.SelectMany(device => ids.Select((id, i) => new NightCase(id, device, 1000 + i, (i + (int)device) % 4))).ToList();
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
