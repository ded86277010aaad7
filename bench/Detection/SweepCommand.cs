using NightLeg.Sync.Devices;
using System.Globalization;
using NightLeg.Domain.Detection;
using NightLeg.Sync.Simulation;

namespace NightLeg.Bench.Detection;

/// <summary>For tuning: one line per threshold combination — synthetic recall, false prompts and latency beside the real nights' figures.</summary>
public static class SweepCommand
{
    /// <summary><paramref name="grid"/>: "Name=v1|v2|v3,Name2=…" over <paramref name="baseline"/>.</summary>
    public static int Run(SimulatedWearable device, DetectorThresholds baseline, string grid, TextWriter output, bool learned)
    {
        var axes = grid.Split(',').Select(a => (Name: a.Split('=')[0], Values: a.Split('=')[1].Split('|').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())).ToList();
        var combos = new List<List<(string Name, double Value)>> { new() };
        foreach (var (name, values) in axes)
        {
            combos = combos.SelectMany(c => values.Select(v => new List<(string, double)>(c) { (name, v) })).ToList();
        }

        var real = RealNightBenchmark.Load();
        foreach (var combo in combos)
        {
            var thresholds = baseline with { };
            foreach (var (name, value) in combo)
            {
                var property = typeof(DetectorThresholds).GetProperty(name) ?? throw new ArgumentException($"no threshold {name}");
                property.SetValue(thresholds, Convert.ChangeType(value, property.PropertyType, CultureInfo.InvariantCulture));
            }

            var synthetic = MethodTotals.Of(DetectionBenchmark.Synthetic([device], thresholds, classic: false, learned: learned).Select(r => r.Score));

            var (realTotals, _) = RealNightBenchmark.Run(real, thresholds);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{string.Join(' ', combo.Select(c => $"{c.Name}={c.Value}"))}: synthetic recall {synthetic.CrampRecall:0.000} fp/night {synthetic.FalsePromptsPerNight:0.00} latency {synthetic.MedianLatency:0}/{synthetic.P95Latency:0} s ask {synthetic.EventsToAskPerNight:0.00} | real fp/night {realTotals.FalsePromptsPerNight:0.00} ask {realTotals.EventsToAskPerNight:0.00}"));
        }

        return 0;
    }
}
