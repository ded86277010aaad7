using NightLeg.Domain.Samples;

namespace NightLeg.Bench.Classic;

/// <summary>
/// The naive rule: an awakening whenever the heart rate (5-s median) crosses the median of the
/// previous 10 minutes + 15 bpm; it re-arms after 60 s below that line.
/// </summary>
public static class NaiveHeartRateThreshold
{
    public const double RiseBpm = 15;

    public static IReadOnlyList<DateTimeOffset> Detect(IReadOnlyList<SecondEpoch> epochs)
    {
        var detections = new List<DateTimeOffset>();
        var history = new Queue<(long T, double Hr)>();
        var recent = new Queue<double>();
        var armed = true;
        var below = 0;
        foreach (var e in epochs)
        {
            var t = e.Start.ToUnixTimeSeconds();
            while (history.Count > 0 && history.Peek().T < t - 600)
            {
                history.Dequeue();
            }

            if (e.HeartRateBpm is not { } hr)
            {
                continue;
            }

            recent.Enqueue(hr);
            if (recent.Count > 5)
            {
                recent.Dequeue();
            }

            var median = recent.Order().ElementAt(recent.Count / 2);
            if (history.Count >= 120)
            {
                var baseline = history.Select(h => h.Hr).Order().ElementAt(history.Count / 2);
                var above = median >= baseline + RiseBpm;
                if (above && armed)
                {
                    detections.Add(e.Start.AddSeconds(1));
                    armed = false;
                }

                below = above ? 0 : below + 1;
                if (below >= 60)
                {
                    armed = true;
                }
            }

            history.Enqueue((t, hr));
        }

        return detections;
    }
}
