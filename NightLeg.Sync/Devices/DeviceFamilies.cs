using NightLeg.Sync.Devices.HeartRate;
using NightLeg.Sync.Devices.InfiniTime;
using NightLeg.Sync.Devices.Polar;
using NightLeg.Sync.Devices.PolarH10;
using NightLeg.Sync.Devices.PolarVeritySense;
using NightLeg.Sync.Simulation;

namespace NightLeg.Sync.Devices;

/// <summary>
/// The registered device families: the one list that recognition, the Devices page, <c>decode</c>
/// and the simulator read. Adding a device is a folder under <c>Devices/</c> and a line in
/// <see cref="Default"/>. Immutable and thread-safe.
/// </summary>
public sealed class DeviceFamilies
{
    /// <summary>Creates a registry of <paramref name="families"/> (ids must be distinct).</summary>
    public DeviceFamilies(IEnumerable<DeviceFamily> families)
    {
        All = families.OrderByDescending(f => f.Specificity).ThenBy(f => f.Id, StringComparer.Ordinal).ToList();
        var duplicate = All.GroupBy(f => f.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"two device families share the id \"{duplicate.Key}\"", nameof(families));
        }

        // The registry is immutable: what is read from it on every pipeline, scan and page is made once.
        Simulated = All.SelectMany(f => f.Simulated).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        Streamed = All.SelectMany(f => f.Profiles).DistinctBy(p => p.Characteristic).ToList();
        ScanServices = All.SelectMany(f => f.ScanServices).Distinct().ToList();
        Services = Streamed.Select(p => p.Service).Distinct().ToList();
        Profiles = All.SelectMany(f => f.Profiles).DistinctBy(p => p.Name).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>NightLeg's families.</summary>
    public static DeviceFamilies Default { get; } = new(
    [
        new HeartRateFamily(),
        new InfiniTimeFamily(),
        new PolarFamily(),
        new PolarH10Family(),
        new PolarVeritySenseFamily(),
    ]);

    /// <summary>Every family, most specific first.</summary>
    public IReadOnlyList<DeviceFamily> All { get; }

    /// <summary>Every simulated wearable the families offer, by CLI name.</summary>
    public IReadOnlyList<SimulatedWearable> Simulated { get; }

    /// <summary>Every characteristic the families stream, once each (the most specific family's profile where two name one).</summary>
    public IReadOnlyList<GattProfile> Streamed { get; }

    /// <summary>What a scan looks for: every family's advertised services.</summary>
    public IReadOnlyList<Guid> ScanServices { get; }

    /// <summary>Every service the families' streams use (a Web Bluetooth page may reach only those it named).</summary>
    public IReadOnlyList<Guid> Services { get; }

    /// <summary>Every decode profile, by name.</summary>
    public IReadOnlyList<GattProfile> Profiles { get; }

    /// <summary>The most specific family that recognises the device, or null (no heart-rate service).</summary>
    public DeviceFamily? Recognise(string? name, IReadOnlyList<Guid> services) => All.FirstOrDefault(f => f.Recognises(name, services));

    /// <summary>
    /// The family of a device known only by its name (a capture's header keeps the name, not the
    /// services): the most specific family that tells its devices by name — it recognises this name
    /// with its own services, and not those services alone. Null when no family claims the name.
    /// </summary>
    public DeviceFamily? RecogniseByName(string? name) =>
        All.FirstOrDefault(f =>
        {
            IReadOnlyList<Guid> own = [.. f.ScanServices, .. f.Profiles.Select(p => p.Service)];
            return f.Recognises(name, own) && !f.Recognises(null, own);
        });

    /// <summary>The family with this id, or null.</summary>
    public DeviceFamily? Get(string id) => All.FirstOrDefault(f => f.Id == id);

    /// <summary>The simulated wearable with this CLI name; throws <see cref="ArgumentException"/> naming the choices.</summary>
    public SimulatedWearable Simulate(string name) =>
        Simulated.FirstOrDefault(s => s.Name == name)
        ?? throw new ArgumentException($"unknown device \"{name}\" ({string.Join(", ", Simulated.Select(s => s.Name))})", nameof(name));
}
