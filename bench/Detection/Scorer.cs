using NightLeg.Sync.Simulation;

namespace NightLeg.Bench.Detection;

/// <summary>Scores detections (instants) against a night's ground truth, the same way for every method.</summary>
public static class Scorer
{
    /// <summary>A detection this long before a bout's onset still belongs to it (the onset is scored to the 30-s epoch).</summary>
    public static readonly TimeSpan Before = TimeSpan.FromSeconds(30);

    /// <summary>A detection this long after a bout's end still belongs to it.</summary>
    public static readonly TimeSpan After = TimeSpan.FromSeconds(60);

    /// <summary>Wake bouts of at least this length count for "other awakenings" recall.</summary>
    public static readonly TimeSpan LongBout = TimeSpan.FromMinutes(2);

    public static NightScore Score(GroundTruth truth, IReadOnlyList<DateTimeOffset> detections)
    {
        bool Within(DateTimeOffset t, DateTimeOffset onset, DateTimeOffset end) => t >= onset - Before && t <= end + After;

        var latencies = new List<double>();
        var crampsFound = 0;
        foreach (var cramp in truth.CrampAwakenings)
        {
            var first = detections.Where(d => Within(d, cramp.Onset, cramp.End)).OrderBy(d => d).Cast<DateTimeOffset?>().FirstOrDefault();
            if (first is { } d)
            {
                crampsFound++;
                latencies.Add((d - cramp.Onset).TotalSeconds);
            }
        }

        var longBouts = truth.WakeBouts.Where(b => b.Kind is "wake" or "final" && b.Duration >= LongBout).ToList();
        var boutsFound = longBouts.Count(b => detections.Any(d => Within(d, b.Onset, b.End)));
        var falsePrompts = detections.Count(d => !truth.WakeBouts.Any(b => Within(d, b.Onset, b.End)));
        return new NightScore(truth.CrampAwakenings.Count, crampsFound, longBouts.Count, boutsFound, falsePrompts, latencies);
    }
}
