using NightLeg.Sync.Ble;
using NightLeg.Sync.Simulation;

namespace NightLeg.Sync.Devices;

/// <summary>
/// One kind of wearable, in one folder (Gadgetbridge's coordinator and support in one place): what
/// recognises it in a scan and what it can measure, how to start its streams on a connection
/// (built from the per-service clients in <c>Devices/Clients</c>), which decode profiles its
/// characteristics have, and how the simulator imitates it. Register it in
/// <see cref="DeviceFamilies.Default"/>; the pipeline, the Devices page, <c>decode</c> and the
/// simulator learn about it from there. Implementations are immutable and thread-safe.
/// </summary>
public abstract class DeviceFamily
{
    /// <summary>Stable id, as stored with a paired device and shown by the CLI (<c>polar-h10</c>).</summary>
    public abstract string Id { get; }

    /// <summary>What to call it on screen.</summary>
    public abstract string DisplayName { get; }

    /// <summary>What it can measure.</summary>
    public abstract DeviceCapabilities Capabilities { get; }

    /// <summary>When several families recognise a device the most specific wins (a Polar H10 is also a heart-rate device).</summary>
    public abstract int Specificity { get; }

    /// <summary>The GATT characteristics it streams, by decode profile name (for <c>nightleg decode</c>).</summary>
    public abstract IReadOnlyList<GattProfile> Profiles { get; }

    /// <summary>
    /// Services a device of this family advertises, any one of which finds it in a scan (the Devices
    /// page's filter and the phone's Bluetooth chooser). Most advertise heart rate.
    /// </summary>
    public virtual IReadOnlyList<Guid> ScanServices => [Gatt.GattUuids.HeartRateService];

    /// <summary>How the simulator imitates it (none for families only real hardware has).</summary>
    public virtual IReadOnlyList<SimulatedWearable> Simulated => [];

    /// <summary>True when a device advertising <paramref name="name"/> and <paramref name="services"/> is of this family.</summary>
    public abstract bool Recognises(string? name, IReadOnlyList<Guid> services);

    /// <summary>
    /// Subscribes to every stream it offers and starts them. Heart rate first; a movement stream that
    /// cannot start is reported in <see cref="DeviceStreams.MovementUnavailable"/>, never thrown, so
    /// the heart rate is kept. Throws <see cref="BleException"/> when heart rate itself fails.
    /// </summary>
    public abstract Task<DeviceStreams> StartAsync(IBleConnection connection, Action<GattNotification> onNotification, TimeProvider time, CancellationToken cancellationToken);
}
