using NightLeg.Domain.Detection;
using NightLeg.Domain.Nights;
using NightLeg.Evaluation;
using NightLeg.Sync.Capture;
using NightLeg.Sync.Replay;

namespace NightLeg.Bench.Detection;

/// <summary>
/// The real nights of data/real-nights (from ../shared) replayed exactly as `nightleg replay` does, each
/// detection scored by <see cref="DetectionScorer"/> (the rules of that folder's README).
/// </summary>
public static class RealNightBenchmark
{
    public static (MethodTotals Totals, IReadOnlyList<(RealNight Night, NightScore Score, ReplayResult Result)> Nights) Run(IReadOnlyList<RealNight> nights, DetectorThresholds thresholds)
    {
        var results = new (RealNight Night, NightScore Score, ReplayResult Result)[nights.Count];
        Parallel.For(0, nights.Count, i =>
        {
            using var reader = CaptureReader.Open(nights[i].CapturePath);
            var calendar = NightCalendar.ForZone(reader.Header.TimeZone ?? "Europe/Oslo");
            var result = CaptureReplay.Run(reader.ReadAll(), calendar, thresholds);
            var score = DetectionScorer.Score(nights[i].Truth, result.Awakenings.Select(a => new ScoredDetection(a.Awakening.DetectedAt, a.Review)).ToList());
            results[i] = (nights[i], score, result);
        });

        return (MethodTotals.Of(results.Select(r => r.Score)), results);
    }

    public static IReadOnlyList<RealNight> Load()
    {
        var dir = RealNight.FindDirectory(Directory.GetCurrentDirectory())
                  ?? throw new DirectoryNotFoundException("data/real-nights not found (run from the repository)");
        return RealNight.LoadAll(dir);
    }
}
