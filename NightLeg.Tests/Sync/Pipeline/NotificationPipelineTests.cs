using NightLeg.Domain.Samples;
using NightLeg.Sync.Ble;
using NightLeg.Sync.Devices.InfiniTime;
using NightLeg.Sync.Devices.Polar;
using NightLeg.Sync.Gatt;
using NightLeg.Sync.Gatt.HeartRate;
using NightLeg.Sync.Pipeline;

namespace NightLeg.Tests.Sync.Pipeline;

public sealed class NotificationPipelineTests
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeMilliseconds(1764108000000);

    [Fact]
    public void Process_HeartRateNotification_GivesHeartRateSampleWithRr()
    {
        var sink = new ListSink();
        var pipeline = new NotificationPipeline(sink);

        pipeline.Process(new GattNotification(T0, GattUuids.HeartRateMeasurement, Convert.FromHexString("163849045204")));

        var sample = Assert.Single(sink.HeartRates);
        Assert.Equal(new HeartRateSample(T0, 56, sample.RrIntervalsMs, SensorContact.Detected), sample);
        Assert.Equal([1071.2890625, 1080.078125], sample.RrIntervalsMs);
    }

    [Fact]
    public void Process_MalformedNotifications_AreCountedAndSkipped()
    {
        // Arrange
        var sink = new ListSink();
        var pipeline = new NotificationPipeline(sink);
        var reasons = new List<string>();
        pipeline.InvalidNotification += (_, error) => reasons.Add(error.Message);

        // Act
        pipeline.Process(new GattNotification(T0, GattUuids.HeartRateMeasurement, new byte[] { 0x10, 0x3C }));
        pipeline.Process(new GattNotification(T0, GattUuids.InfiniTimeRawXyz, new byte[] { 1, 2, 3 }));
        pipeline.Process(new GattNotification(T0.AddSeconds(1), GattUuids.HeartRateMeasurement, new byte[] { 0x06, 0x3C }));
        pipeline.Process(new GattNotification(T0.AddSeconds(1), GattUuids.Sig(0x2A00), new byte[] { 1 }));

        // Assert
        Assert.Equal(new PipelineCounts(4, 1, 0, 2, 1), pipeline.Counts);
        Assert.Single(sink.HeartRates);
        Assert.Equal(2, reasons.Count);
        Assert.Contains("RR", reasons[0]);
    }

    [Fact]
    public void Process_PolarStartResponseThenFrames_UsesFactorAndPlacesSamplesBeforeArrival()
    {
        // Arrange
        var sink = new ListSink();
        var pipeline = new NotificationPipeline(sink);
        var frame1 = PmdDataFrameEncoder.EncodeCompressed(1_000_000_000, 0x00, [[4096, 0, 0], [4096, 0, 0]]);
        var frame2 = PmdDataFrameEncoder.EncodeCompressed(1_040_000_000, 0x00, [[4096, 0, 0], [0, 0, 4096]]);

        // Act: start response with FACTOR 2.44e-4, then two compressed type-0 frames.
        pipeline.Process(new GattNotification(T0, GattUuids.PolarPmdControlPoint, Convert.FromHexString("F00202000005" + "0140DA7F39")));
        pipeline.Process(new GattNotification(T0.AddMilliseconds(100), GattUuids.PolarPmdData, frame1));
        pipeline.Process(new GattNotification(T0.AddMilliseconds(140), GattUuids.PolarPmdData, frame2));

        // Assert
        Assert.Equal(4, sink.Motions.Count);
        Assert.Equal((int)(4096 * (2.44e-4f * 1000f)) / 1000.0, sink.Motions[0].XG);
        Assert.Equal(T0.AddMilliseconds(100), sink.Motions[1].At);
        Assert.Equal(T0.AddMilliseconds(120), sink.Motions[2].At); // second frame: 20 ms spacing from the previous frame's time
        Assert.Equal(0.999, sink.Motions[3].ZG, 3);
    }

    [Theory]
    [InlineData(new[] { 25, 50, 100, 200 }, new[] { 2, 4, 8 }, 25)] // a Polar H10
    [InlineData(new[] { 52 }, new[] { 8 }, 52)] // a Verity Sense
    public void Process_SettingsAnswerThenStart_FirstFrameSpacedAtTheRateStarted(int[] rates, int[] ranges, int expectedHz)
    {
        // Arrange: what a host records: the sensor's settings, its answer to the start, the first frame of 3 samples.
        var sink = new ListSink();
        var pipeline = new NotificationPipeline(sink);
        var offered = PmdSettingsEncoder.Offer(rates, [16], ranges, [3]);
        var frame = PmdDataFrameEncoder.EncodeRawInt16(1_000_000_000, [(0, 0, 1000), (0, 0, 1000), (0, 0, 1000)]);

        // Act
        pipeline.Process(new GattNotification(T0, GattUuids.PolarPmdControlPoint, PmdSettingsEncoder.Response(PmdCommands.GetSettingsOpcode, PmdMeasurementType.Acc, 0, offered)));
        pipeline.Process(new GattNotification(T0, GattUuids.PolarPmdControlPoint, PmdSettingsEncoder.Response(PmdCommands.StartOpcode, PmdMeasurementType.Acc, 0)));
        pipeline.Process(new GattNotification(T0.AddSeconds(1), GattUuids.PolarPmdData, frame));

        // Assert: decoded at once (the rate is known), samples 1/rate apart.
        Assert.Equal(expectedHz, pipeline.Scope.Find<PmdStreams>()?.AccSampleRateHz);
        Assert.Equal(3, sink.Motions.Count);
        Assert.Equal(1000.0 / expectedHz, (sink.Motions[2].At - sink.Motions[1].At).TotalMilliseconds, 0);
    }

    [Fact]
    public void Process_StartRefused_NoStreamIsAssumed()
    {
        var pipeline = new NotificationPipeline(new ListSink());
        var offered = PmdSettingsEncoder.Offer([25, 50], [16], [2], [3]);

        pipeline.Process(new GattNotification(T0, GattUuids.PolarPmdControlPoint, PmdSettingsEncoder.Response(PmdCommands.GetSettingsOpcode, PmdMeasurementType.Acc, 0, offered)));
        pipeline.Process(new GattNotification(T0, GattUuids.PolarPmdControlPoint, PmdSettingsEncoder.Response(PmdCommands.StartOpcode, PmdMeasurementType.Acc, 8)));

        Assert.Null(pipeline.Scope.Find<PmdStreams>()?.AccSampleRateHz);
    }

    [Fact]
    public void Process_InfiniTimeXyz_GivesMotionInG()
    {
        var sink = new ListSink();
        var pipeline = new NotificationPipeline(sink);

        pipeline.Process(new GattNotification(T0, GattUuids.InfiniTimeRawXyz, InfiniTimeMotionDecoder.EncodeRawXyz(0, -0.5, 1)));
        pipeline.Process(new GattNotification(T0, GattUuids.BatteryLevel, new byte[] { 77 }));

        Assert.Equal(new MotionSample(T0, 0, -0.5, 1), Assert.Single(sink.Motions));
        Assert.Equal(77, pipeline.BatteryPercent);
    }

    private sealed class ListSink : ISampleSink
    {
        public List<HeartRateSample> HeartRates { get; } = [];

        public List<MotionSample> Motions { get; } = [];

        public void Add(HeartRateSample sample) => HeartRates.Add(sample);

        public void Add(in MotionSample sample) => Motions.Add(sample);
    }
}
