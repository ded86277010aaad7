using NightLeg.Domain.Samples;

namespace NightLeg.Bench.Classic;

/// <summary>
/// Minute activity from the same per-second movement NightLeg sees, for the classic actigraphy
/// scorers: Σ over the minute of (movement − 20 mg)⁺ in mg (20 mg clears sensor noise and breathing).
/// Those scorers were fitted on one actigraph's count units, so each gets a scale factor calibrated
/// on the benchmark nights (see <see cref="Calibration"/>).
/// </summary>
public static class ActivityCounts
{
    public const double NoiseFloorMg = 20;
    private const double Scale = 1;

    /// <summary>Counts per whole minute from the first epoch's minute to the last; a minute without motion is null.</summary>
    public static (DateTimeOffset Start, double?[] Counts) PerMinute(IReadOnlyList<SecondEpoch> epochs)
    {
        if (epochs.Count == 0)
        {
            return (default, []);
        }

        var first = epochs[0].Start.ToUnixTimeSeconds() / 60;
        var last = epochs[^1].Start.ToUnixTimeSeconds() / 60;
        var counts = new double?[last - first + 1];
        foreach (var e in epochs)
        {
            if (e.MovementG is { } g)
            {
                var i = (e.Start.ToUnixTimeSeconds() / 60) - first;
                counts[i] = (counts[i] ?? 0) + (Scale * Math.Max(0, (g * 1000) - NoiseFloorMg));
            }
        }

        return (DateTimeOffset.FromUnixTimeSeconds(first * 60), counts);
    }
}
