using NightLeg.Sync.Ble;
using NightLeg.Sync.Devices.Clients;
using NightLeg.Sync.Gatt;
using NightLeg.Sync.Simulation;

namespace NightLeg.Sync.Devices.InfiniTime;

/// <summary>PineTime with InfiniTime: optical heart rate (on change) and, from InfiniTime 1.7, the motion service (raw XYZ at 10 Hz).</summary>
public sealed class InfiniTimeFamily : DeviceFamily
{
    /// <inheritdoc />
    public override string Id => "infinitime";

    /// <inheritdoc />
    public override string DisplayName => "PineTime (InfiniTime)";

    /// <inheritdoc />
    public override DeviceCapabilities Capabilities { get; } = new(HeartRate: true, RrIntervals: false, Movement: true, Battery: true, Placement: BodyPlacement.Wrist);

    /// <inheritdoc />
    public override int Specificity => 10;

    /// <inheritdoc />
    public override IReadOnlyList<Guid> ScanServices { get; } = [GattUuids.HeartRateService, GattUuids.InfiniTimeMotionService];

    /// <inheritdoc />
    public override IReadOnlyList<GattProfile> Profiles { get; } = [StandardProfiles.HeartRate, StandardProfiles.Battery, InfiniTimeProfiles.Motion, InfiniTimeProfiles.Steps];

    /// <inheritdoc />
    public override IReadOnlyList<SimulatedWearable> Simulated { get; } =
    [
        new("infinitime", "infinitime", "Simulated PineTime (InfiniTime)", [GattUuids.HeartRateService, GattUuids.BatteryService, GattUuids.InfiniTimeMotionService],
            HeartSignal.OpticalOnChange, SimulatedInfiniTimeMotion.Instance, Wrist: true, ContactLosses: false),
    ];

    /// <inheritdoc />
    public override bool Recognises(string? name, IReadOnlyList<Guid> services) =>
        services.Contains(GattUuids.HeartRateService) &&
        (services.Contains(GattUuids.InfiniTimeMotionService) || (name?.Contains("InfiniTime", StringComparison.OrdinalIgnoreCase) ?? false));

    /// <inheritdoc />
    public override async Task<DeviceStreams> StartAsync(IBleConnection connection, Action<GattNotification> onNotification, TimeProvider time, CancellationToken cancellationToken)
    {
        var subscriptions = new List<IAsyncDisposable>();
        try
        {
            subscriptions.Add(await new HeartRateClient(connection).SubscribeAsync(onNotification, cancellationToken));
            var battery = await CommonStreams.BatteryAsync(connection, onNotification, subscriptions, cancellationToken);
            var motion = new InfiniTimeMotionClient(connection);
            if (!motion.Offered)
            {
                return new DeviceStreams(subscriptions, battery, new MovementProblem(MovementProblemKind.NoMotionService), null);
            }

            try
            {
                subscriptions.Add(await motion.SubscribeRawAsync(onNotification, cancellationToken));
                return new DeviceStreams(subscriptions, battery, null, "raw XYZ at 10 Hz");
            }
            catch (BleException e) when (e.Kind is not BleErrorKind.NotConnected)
            {
                return new DeviceStreams(subscriptions, battery, new MovementProblem(MovementProblemKind.MotionServiceSilent, e.Message), null);
            }
        }
        catch
        {
            await CommonStreams.DisposeAllAsync(subscriptions);
            throw;
        }
    }
}
