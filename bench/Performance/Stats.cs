using System.Diagnostics;

namespace NightLeg.Bench.Performance;

/// <summary>Medians of repeated runs (the machine is shared and noisy; medians and ratios hold up).</summary>
public static class Stats
{
    public static double MedianSeconds(int runs, Action action)
    {
        action(); // warm-up: JIT, file cache
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var clock = Stopwatch.StartNew();
            action();
            times.Add(clock.Elapsed.TotalSeconds);
        }

        return Median(times);
    }

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
