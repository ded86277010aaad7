using NightLeg.Sync.Ble;
using NightLeg.Sync.Gatt;

namespace NightLeg.Sync.Devices.Polar;

/// <summary>Any Polar sensor with the measurement service (PMD) that no more specific family claims — the OH1 and others: same start, settings asked first.</summary>
public sealed class PolarFamily : DeviceFamily
{
    /// <inheritdoc />
    public override string Id => "polar";

    /// <inheritdoc />
    public override string DisplayName => "Polar sensor";

    /// <inheritdoc />
    public override DeviceCapabilities Capabilities { get; } = new(HeartRate: true, RrIntervals: true, Movement: true, Battery: true, Placement: BodyPlacement.Arm | BodyPlacement.Chest);

    /// <inheritdoc />
    public override int Specificity => 10;

    /// <inheritdoc />
    public override IReadOnlyList<Guid> ScanServices { get; } = [GattUuids.HeartRateService, GattUuids.PolarPmdService];

    /// <inheritdoc />
    public override IReadOnlyList<GattProfile> Profiles { get; } = [StandardProfiles.HeartRate, StandardProfiles.Battery, PmdProfiles.Data, PmdProfiles.Control];

    /// <inheritdoc />
    public override bool Recognises(string? name, IReadOnlyList<Guid> services) =>
        services.Contains(GattUuids.HeartRateService) && services.Contains(GattUuids.PolarPmdService);

    /// <inheritdoc />
    public override Task<DeviceStreams> StartAsync(IBleConnection connection, Action<GattNotification> onNotification, TimeProvider time, CancellationToken cancellationToken) =>
        PolarSupport.StartAsync(connection, onNotification, time, cancellationToken);
}
