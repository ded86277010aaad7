namespace NightLeg.Sync.Simulation;

/// <summary>What night to simulate. Immutable.</summary>
/// <param name="Seed">Random seed: the same options give the same bytes.</param>
/// <param name="Device">Which wearable to imitate.</param>
/// <param name="Cramps">Cramp awakenings to insert (as many as fit in established sleep).</param>
/// <param name="Hypnogram">The real night to follow.</param>
/// <param name="Start">UTC instant the recording starts.</param>
/// <param name="TimeZoneId">IANA zone written into the capture header.</param>
/// <param name="Hours">Length of the night; null = the hypnogram's own length.</param>
public sealed record SimulationOptions(int Seed, SimulatedWearable Device, int Cramps, Hypnogram Hypnogram, DateTimeOffset Start, string TimeZoneId, double? Hours = null)
{
    /// <summary>Default zone: most of our users are in Norway.</summary>
    public const string DefaultTimeZone = "Europe/Oslo";

    /// <summary>Default options for a seed: its hypnogram, 23:00 on 10 March 2026 in Oslo (22:00 UTC).</summary>
    public static SimulationOptions ForSeed(int seed, SimulatedWearable device, int cramps) =>
        new(seed, device, cramps, HypnogramLibrary.ForSeed(seed), new DateTimeOffset(2026, 3, 10, 22, 0, 0, TimeSpan.Zero), DefaultTimeZone);
}
