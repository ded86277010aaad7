using NightLeg.Sync.Simulation;

namespace NightLeg.Bench.Classic;

/// <summary>
/// Picks, per scorer, the count scale that maximises its own minute-level balanced accuracy
/// (mean of sleep and wake recall) against the truth over all benchmark nights — a favour to the
/// classic scorers, so that they are compared at their best.
/// </summary>
public static class Calibration
{
    public static readonly double[] Scales = Enumerable.Range(0, 31).Select(i => Math.Pow(10, -3 + (i * 0.1))).ToArray();

    public static (double Scale, double BalancedAccuracy) Best(IReadOnlyList<(GroundTruth Truth, DateTimeOffset Start, double?[] Counts)> nights, Func<double?[], bool[]> scorer)
    {
        var best = (Scale: 1.0, Accuracy: -1.0);
        foreach (var scale in Scales)
        {
            long sleepRight = 0, sleepAll = 0, wakeRight = 0, wakeAll = 0;
            foreach (var (truth, start, counts) in nights)
            {
                var wake = scorer(counts.Select(c => c * scale).ToArray());
                for (var m = 0; m < wake.Length; m++)
                {
                    var mid = start.AddMinutes(m + 0.5);
                    var truthWake = truth.WakeBouts.Any(b => mid >= b.Onset && mid < b.End);
                    if (truthWake)
                    {
                        wakeAll++;
                        wakeRight += wake[m] ? 1 : 0;
                    }
                    else
                    {
                        sleepAll++;
                        sleepRight += wake[m] ? 0 : 1;
                    }
                }
            }

            var accuracy = ((sleepRight / (double)Math.Max(1, sleepAll)) + (wakeRight / (double)Math.Max(1, wakeAll))) / 2;
            if (accuracy > best.Accuracy)
            {
                best = (scale, accuracy);
            }
        }

        return best;
    }
}
