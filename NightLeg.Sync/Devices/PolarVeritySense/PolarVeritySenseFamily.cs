using NightLeg.Sync.Ble;
using NightLeg.Sync.Devices.Polar;
using NightLeg.Sync.Gatt;
using NightLeg.Sync.Simulation;

namespace NightLeg.Sync.Devices.PolarVeritySense;

/// <summary>Polar Verity Sense arm band: optical heart rate and PMD ACC at 52 Hz, ±8 G only (Polar BLE SDK). It advertises as "Polar Sense …".</summary>
public sealed class PolarVeritySenseFamily : DeviceFamily
{
    /// <summary>What a Verity Sense answers to "get ACC settings".</summary>
    public static PmdSettings AccOffered { get; } = PmdSettingsEncoder.Offer([52], [16], [8], [3]);

    /// <inheritdoc />
    public override string Id => "polar-verity-sense";

    /// <inheritdoc />
    public override string DisplayName => "Polar Verity Sense";

    /// <inheritdoc />
    public override DeviceCapabilities Capabilities { get; } = new(HeartRate: true, RrIntervals: false, Movement: true, Battery: true, Placement: BodyPlacement.Arm);

    /// <inheritdoc />
    public override int Specificity => 20;

    /// <inheritdoc />
    public override IReadOnlyList<Guid> ScanServices { get; } = [GattUuids.HeartRateService, GattUuids.PolarPmdService];

    /// <inheritdoc />
    public override IReadOnlyList<GattProfile> Profiles { get; } = [StandardProfiles.HeartRate, StandardProfiles.Battery, PmdProfiles.Data, PmdProfiles.Control];

    /// <inheritdoc />
    public override IReadOnlyList<SimulatedWearable> Simulated { get; } =
    [
        new("polar-verity-sense", "polar-verity-sense", "Polar Sense B5E1C2A7", [GattUuids.HeartRateService, GattUuids.BatteryService, GattUuids.PolarPmdService],
            HeartSignal.OpticalEverySecond, new SimulatedPmdAcc(AccOffered), Wrist: true, ContactLosses: false),
    ];

    /// <inheritdoc />
    public override bool Recognises(string? name, IReadOnlyList<Guid> services) =>
        services.Contains(GattUuids.PolarPmdService) &&
        ((name?.StartsWith("Polar Sense", StringComparison.OrdinalIgnoreCase) ?? false) || (name?.StartsWith("Polar Verity", StringComparison.OrdinalIgnoreCase) ?? false));

    /// <inheritdoc />
    public override Task<DeviceStreams> StartAsync(IBleConnection connection, Action<GattNotification> onNotification, TimeProvider time, CancellationToken cancellationToken) =>
        PolarSupport.StartAsync(connection, onNotification, time, cancellationToken);
}
