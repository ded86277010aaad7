using NightLeg.Sync.Ble;
using NightLeg.Sync.Devices.Clients;
using NightLeg.Sync.Gatt;
using NightLeg.Sync.Simulation;

namespace NightLeg.Sync.Devices.HeartRate;

/// <summary>Any Heart Rate Service (0x180D) device: chest straps, arm bands, watches that broadcast heart rate.</summary>
public sealed class HeartRateFamily : DeviceFamily
{
    /// <inheritdoc />
    public override string Id => "heart-rate";

    /// <inheritdoc />
    public override string DisplayName => "Heart-rate strap or watch";

    /// <inheritdoc />
    public override DeviceCapabilities Capabilities { get; } = new(HeartRate: true, RrIntervals: true, Movement: false, Battery: true, Placement: BodyPlacement.Chest | BodyPlacement.Wrist);

    /// <inheritdoc />
    public override int Specificity => 0;

    /// <inheritdoc />
    public override IReadOnlyList<GattProfile> Profiles { get; } = [StandardProfiles.HeartRate, StandardProfiles.Battery];

    /// <inheritdoc />
    public override IReadOnlyList<SimulatedWearable> Simulated { get; } =
    [
        new("hr-strap", "heart-rate", "Simulated heart-rate strap", [GattUuids.HeartRateService, GattUuids.BatteryService],
            HeartSignal.StrapWithRr, Motion: null, Wrist: false, ContactLosses: true),
        new("wrist-hr", "heart-rate", "Simulated wrist heart rate (smartwatch)", [GattUuids.HeartRateService, GattUuids.BatteryService],
            HeartSignal.OpticalPeriodic, Motion: null, Wrist: true, ContactLosses: false),
    ];

    /// <inheritdoc />
    public override bool Recognises(string? name, IReadOnlyList<Guid> services) => services.Contains(GattUuids.HeartRateService);

    /// <inheritdoc />
    public override async Task<DeviceStreams> StartAsync(IBleConnection connection, Action<GattNotification> onNotification, TimeProvider time, CancellationToken cancellationToken)
    {
        var subscriptions = new List<IAsyncDisposable>();
        try
        {
            subscriptions.Add(await new HeartRateClient(connection).SubscribeAsync(onNotification, cancellationToken));
            var battery = await CommonStreams.BatteryAsync(connection, onNotification, subscriptions, cancellationToken);
            return new DeviceStreams(subscriptions, battery, null, null);
        }
        catch
        {
            await CommonStreams.DisposeAllAsync(subscriptions);
            throw;
        }
    }
}
