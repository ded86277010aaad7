using BenchmarkDotNet.Attributes;
using NightLeg.Domain.Detection;
using NightLeg.Domain.Samples;

namespace NightLeg.Bench.Micro;

/// <summary>One detector step (one second of the night), in steady state.</summary>
[MemoryDiagnoser]
public class DetectorBenchmarks
{
    private readonly SecondEpoch[] _epochs = new SecondEpoch[3600];
    private AwakeningDetector _detector = new();
    private int _i;
    private long _second;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(3);
        var start = new DateTimeOffset(2026, 3, 10, 22, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < _epochs.Length; i++)
        {
            _epochs[i] = new SecondEpoch(start.AddSeconds(i), 50 + random.Next(0, 4), 0.01 + (random.NextDouble() * 0.01), new Posture(0, 0, 1));
        }

        _detector = new AwakeningDetector();
        foreach (var e in _epochs)
        {
            _detector.Process(e);
        }

        _second = _epochs[^1].Start.ToUnixTimeSeconds();
    }

    [Benchmark]
    public AwakeningDetected? Step()
    {
        var source = _epochs[_i++ % _epochs.Length];
        return _detector.Process(source with { Start = DateTimeOffset.FromUnixTimeSeconds(++_second) });
    }
}
