using NightLeg.Sync.Ble;
using NightLeg.Sync.Devices;
using NightLeg.Sync.Devices.Clients;
using NightLeg.Sync.Gatt;
using NightLeg.Sync.Simulation;

namespace NightLeg.Tests.Fakes;

/// <summary>What a folder NightLeg.Sync/Devices/TestBand/ would hold: a band with optical heart rate every second and InfiniTime's motion characteristic.</summary>
public sealed class TestBandFamily : DeviceFamily
{
    public override string Id => "test-band";

    public override string DisplayName => "Test band";

    public override DeviceCapabilities Capabilities { get; } = new(HeartRate: true, RrIntervals: false, Movement: true, Battery: false, Placement: "wrist");

    public override int Specificity => 30;

    public override IReadOnlyList<GattProfile> Profiles { get; } = [GattProfile.HeartRate, new("test-band-motion", GattUuids.InfiniTimeRawXyz)];

    public override IReadOnlyList<SimulatedWearable> Simulated { get; } =
    [
        new("test-band", "test-band", "TestBand 0042", [GattUuids.HeartRateService, GattUuids.InfiniTimeMotionService],
            HeartSignal.OpticalEverySecond, MotionSignal.InfiniTimeRawXyz, Wrist: true, ContactLosses: false),
    ];

    public override bool Recognises(string? name, IReadOnlyList<Guid> services) =>
        services.Contains(GattUuids.HeartRateService) && (name?.StartsWith("TestBand", StringComparison.Ordinal) ?? false);

    public override async Task<DeviceStreams> StartAsync(IBleConnection connection, Action<GattNotification> onNotification, CancellationToken cancellationToken)
    {
        var heartRate = await new HeartRateClient(connection).SubscribeAsync(onNotification, cancellationToken);
        var motion = await new InfiniTimeMotionClient(connection).SubscribeRawAsync(onNotification, cancellationToken);
        return new DeviceStreams([heartRate, motion], null, null, "raw XYZ at 10 Hz");
    }
}
