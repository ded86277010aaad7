using NightLeg.Sync.Simulation;

namespace NightLeg.Bench.Detection;

/// <summary>One synthetic night of the fixed benchmark set.</summary>
public sealed record NightCase(string HypnogramId, SimulatedDevice Device, int Seed, int Cramps)
{
    /// <summary>
    /// The fixed set: every embedded hypnogram × every device, seed from the hypnogram's position,
    /// 0–3 cramps cycling so every count appears for every device.
    /// </summary>
    public static IReadOnlyList<NightCase> FixedSet(IEnumerable<SimulatedDevice> devices)
    {
        var ids = HypnogramLibrary.Ids;
        return devices.SelectMany(device => ids.Select((id, i) => new NightCase(id, device, 1000 + i, (i + (int)device) % 4))).ToList();
    }

    public SimulationOptions Options => new(Seed, Device, Cramps, HypnogramLibrary.Get(HypnogramId),
        new DateTimeOffset(2026, 3, 10, 22, 0, 0, TimeSpan.Zero), SimulationOptions.DefaultTimeZone);
}
