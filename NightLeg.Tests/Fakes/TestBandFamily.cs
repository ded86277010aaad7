using System.Buffers.Binary;
using NightLeg.Domain.Samples;
using NightLeg.Sync.Ble;
using NightLeg.Sync.Devices;
using NightLeg.Sync.Devices.Clients;
using NightLeg.Sync.Gatt;
using NightLeg.Sync.Simulation;

namespace NightLeg.Tests.Fakes;

/// <summary>
/// What a folder NightLeg.Sync/Devices/TestBand/ would hold, and nothing else: a band with optical
/// heart rate every second and a motion service of its own — its own UUIDs, its own byte layout
/// (x, y, z as int16 milli-g, little-endian), its decoder, its simulated stream and how to start it.
/// </summary>
public sealed class TestBandFamily : DeviceFamily
{
    /// <summary>The band's motion service.</summary>
    public static readonly Guid MotionService = Guid.Parse("7e570001-5a1e-4b1d-9d3c-0b4a11ce0001");

    /// <summary>Its motion characteristic (notify).</summary>
    public static readonly Guid MotionCharacteristic = Guid.Parse("7e570002-5a1e-4b1d-9d3c-0b4a11ce0001");

    /// <summary>The motion characteristic as a profile: 6 bytes → one motion sample.</summary>
    public static GattProfile Motion { get; } = GattProfile.Stateless("test-band-motion", MotionService, MotionCharacteristic, Decode,
        (n, xyz, sink) => sink.Add(new MotionSample(n.ReceivedAt, xyz.X / 1000.0, xyz.Y / 1000.0, xyz.Z / 1000.0)),
        (j, xyz) =>
        {
            j.WriteNumber("xG", xyz.X / 1000.0);
            j.WriteNumber("yG", xyz.Y / 1000.0);
            j.WriteNumber("zG", xyz.Z / 1000.0);
        });

    public override string Id => "test-band";

    public override string DisplayName => "Test band";

    public override DeviceCapabilities Capabilities { get; } = new(HeartRate: true, RrIntervals: false, Movement: true, Battery: false, Placement: BodyPlacement.Wrist);

    public override int Specificity => 30;

    public override IReadOnlyList<Guid> ScanServices { get; } = [MotionService];

    public override IReadOnlyList<GattProfile> Profiles { get; } = [StandardProfiles.HeartRate, Motion];

    public override IReadOnlyList<SimulatedWearable> Simulated { get; } =
    [
        new("test-band", "test-band", "TestBand 0042", [GattUuids.HeartRateService, MotionService],
            HeartSignal.OpticalEverySecond, new BandMotion(), Wrist: true, ContactLosses: false),
    ];

    public override bool Recognises(string? name, IReadOnlyList<Guid> services) =>
        services.Contains(GattUuids.HeartRateService) && services.Contains(MotionService);

    public override async Task<DeviceStreams> StartAsync(IBleConnection connection, Action<GattNotification> onNotification, TimeProvider time, CancellationToken cancellationToken)
    {
        var heartRate = await new HeartRateClient(connection).SubscribeAsync(onNotification, cancellationToken);
        var characteristic = await connection.GetCharacteristicAsync(MotionService, MotionCharacteristic, cancellationToken);
        var motion = await characteristic.SubscribeAsync(onNotification, cancellationToken);
        return new DeviceStreams([heartRate, motion], null, null, "x, y, z at 10 Hz");
    }

    private static DecodeResult<(short X, short Y, short Z)> Decode(ReadOnlySpan<byte> payload) =>
        payload.Length != 6
            ? DecodeResult<(short, short, short)>.Failure(DecodeErrorKind.LengthMismatch, $"test-band motion: 6 bytes expected, got {payload.Length}")
            : DecodeResult<(short, short, short)>.Success((BinaryPrimitives.ReadInt16LittleEndian(payload), BinaryPrimitives.ReadInt16LittleEndian(payload[2..]), BinaryPrimitives.ReadInt16LittleEndian(payload[4..])));

    /// <summary>The band sends every sample, ten a second; nothing has to be written to start it.</summary>
    private sealed class BandMotion : SimulatedMotion
    {
        public override ISimulatedMotionStream Start(DateTimeOffset start, Random random, SimulatedEmit emit) => new Stream();

        private sealed class Stream : ISimulatedMotionStream
        {
            public void Second(int second, Func<double, (double X, double Y, double Z)> acceleration, Random random, SimulatedEmit emit)
            {
                for (var k = 0; k < 10; k++)
                {
                    var t = second + (k / 10.0);
                    var g = acceleration(t);
                    var payload = new byte[6];
                    BinaryPrimitives.WriteInt16LittleEndian(payload, Mg(g.X));
                    BinaryPrimitives.WriteInt16LittleEndian(payload.AsSpan(2), Mg(g.Y));
                    BinaryPrimitives.WriteInt16LittleEndian(payload.AsSpan(4), Mg(g.Z));
                    emit(t + 0.005, MotionCharacteristic, payload);
                }
            }

            private static short Mg(double g) => (short)Math.Clamp(Math.Round(g * 1000), short.MinValue, short.MaxValue);
        }
    }
}
