using System.Globalization;
using NightLeg.Domain.Detection;
using NightLeg.Evaluation;

namespace NightLeg.Bench.Detection;

/// <summary>For tuning: one line per threshold combination on the real motion nights, quiet and with both cramp models.</summary>
public static class MotionSweep
{
    public static int Run(DetectorThresholds baseline, string grid, TextWriter output)
    {
        var nights = MotionNightBenchmark.Load();
        foreach (var thresholds in Grid(baseline, grid, out var names))
        {
            var label = string.Join(' ', names.Select(n => string.Create(CultureInfo.InvariantCulture, $"{n}={typeof(DetectorThresholds).GetProperty(n)!.GetValue(thresholds)}")));
            output.WriteLine(label);
            output.WriteLine("  " + MotionNightBenchmark.Summary("quiet", MotionNightBenchmark.Quiet(nights, thresholds)));
            foreach (var model in Enum.GetValues<MotionCrampModel>())
            {
                output.WriteLine("  " + MotionNightBenchmark.Summary(model.ToString(), MotionNightBenchmark.WithCramps(nights, thresholds, model)));
            }
        }

        return 0;
    }

    /// <summary>Every combination of "Name=v1|v2,Name2=…" over <paramref name="baseline"/>.</summary>
    public static IEnumerable<DetectorThresholds> Grid(DetectorThresholds baseline, string grid, out IReadOnlyList<string> names)
    {
        var axes = grid.Split(',').Select(a => (Name: a.Split('=')[0], Values: a.Split('=')[1].Split('|').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())).ToList();
        names = axes.Select(a => a.Name).ToList();
        var combos = new List<DetectorThresholds> { baseline with { } };
        foreach (var (name, values) in axes)
        {
            var property = typeof(DetectorThresholds).GetProperty(name) ?? throw new ArgumentException($"no threshold {name}");
            combos = combos.SelectMany(c => values.Select(v =>
            {
                var copy = c with { };
                property.SetValue(copy, Convert.ChangeType(v, property.PropertyType, CultureInfo.InvariantCulture));
                return copy;
            })).ToList();
        }

        return combos;
    }
}
