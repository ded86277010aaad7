using NightLeg.Sync.Ble;
using NightLeg.Sync.Devices.Polar;
using NightLeg.Sync.Gatt;
using NightLeg.Sync.Simulation;

namespace NightLeg.Sync.Devices.PolarH10;

/// <summary>Polar H10 chest strap: heart rate with RR, and PMD ACC at 25, 50, 100 or 200 Hz, ±2/4/8 G (Polar BLE SDK; NightLeg starts 25 Hz, ±2 G).</summary>
public sealed class PolarH10Family : DeviceFamily
{
    /// <summary>What an H10 answers to "get ACC settings" (Polar BLE SDK).</summary>
    public static PmdSettings AccOffered { get; } = PmdSettingsEncoder.Offer([25, 50, 100, 200], [16], [2, 4, 8], [3]);

    /// <inheritdoc />
    public override string Id => "polar-h10";

    /// <inheritdoc />
    public override string DisplayName => "Polar H10";

    /// <inheritdoc />
    public override DeviceCapabilities Capabilities { get; } = new(HeartRate: true, RrIntervals: true, Movement: true, Battery: true, Placement: BodyPlacement.Chest);

    /// <inheritdoc />
    public override int Specificity => 20;

    /// <inheritdoc />
    public override IReadOnlyList<Guid> ScanServices { get; } = [GattUuids.HeartRateService, GattUuids.PolarPmdService];

    /// <inheritdoc />
    public override IReadOnlyList<GattProfile> Profiles { get; } = [StandardProfiles.HeartRate, StandardProfiles.Battery, PmdProfiles.Data, PmdProfiles.Control];

    /// <inheritdoc />
    public override IReadOnlyList<SimulatedWearable> Simulated { get; } =
    [
        new("polar-h10", "polar-h10", "Polar H10 5E8F3A21", [GattUuids.HeartRateService, GattUuids.BatteryService, GattUuids.PolarPmdService],
            HeartSignal.StrapWithRr, new SimulatedPmdAcc(AccOffered), Wrist: false, ContactLosses: true),
    ];

    /// <inheritdoc />
    public override bool Recognises(string? name, IReadOnlyList<Guid> services) =>
        services.Contains(GattUuids.PolarPmdService) && (name?.StartsWith("Polar H10", StringComparison.OrdinalIgnoreCase) ?? false);

    /// <inheritdoc />
    public override Task<DeviceStreams> StartAsync(IBleConnection connection, Action<GattNotification> onNotification, TimeProvider time, CancellationToken cancellationToken) =>
        PolarSupport.StartAsync(connection, onNotification, time, cancellationToken);
}
