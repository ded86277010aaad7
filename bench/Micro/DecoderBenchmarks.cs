using BenchmarkDotNet.Attributes;
using NightLeg.Domain.Samples;
using NightLeg.Sync.Devices.Polar;
using NightLeg.Sync.Gatt.HeartRate;

namespace NightLeg.Bench.Micro;

/// <summary>The decoders on representative payloads: a strap notification with two RR intervals, a 36-sample H10 frame.</summary>
[MemoryDiagnoser]
public class DecoderBenchmarks
{
    private readonly byte[] _heartRate = Convert.FromHexString("163849045204");
    private byte[] _accFrame = [];

    [GlobalSetup]
    public void Setup() =>
        _accFrame = PmdDataFrameEncoder.EncodeRawInt16(826_516_142_325_076_864, Enumerable.Range(0, 36).Select(i => (i, -i, 1000 - i)).ToList());

    [Benchmark]
    public int HeartRateMeasurement() => HeartRateMeasurementDecoder.Decode(_heartRate).Value!.HeartRateBpm;

    [Benchmark]
    public int PolarAccFrame36Samples() => PmdDataFrameDecoder.DecodeAcc(_accFrame, 1.0f, 52, 826_516_141_632_769_152).Value!.Samples.Count;
}
