using System.Globalization;
using System.Text;
using NightLeg.Evaluation;
using NightLeg.Sync.Capture;
using NightLeg.Sync.Devices;
using NightLeg.Sync.Simulation;

namespace NightLeg.Bench.Physiology;

/// <summary>
/// Real nights against synthetic nights of the same hypnograms, measured the same way: the table
/// and the plot of docs/physiology-model.md. The synthetic nights use the <c>wrist-hr</c> device
/// (a reading about every 5 s, as the real nights' watch), so sampling is not mistaken for physiology.
/// </summary>
public static class PhysiologyComparison
{
    /// <summary>Synthetic nights per real hypnogram (different sleepers on the same night).</summary>
    public const int SeedsPerNight = 2;

    public static (PhysiologyStatistics Real, PhysiologyStatistics Synthetic) Measure(IReadOnlyList<RealNight> nights)
    {
        var real = new NightSeries[nights.Count];
        var synthetic = new NightSeries[nights.Count * SeedsPerNight];
        Parallel.For(0, nights.Count, i =>
        {
            using var reader = CaptureReader.Open(nights[i].CapturePath);
            real[i] = NightSeries.From(reader.ReadAll(), nights[i].Truth);
            for (var k = 0; k < SeedsPerNight; k++)
            {
                var simulator = new NightSimulator(SyntheticTwin(nights[i].Truth, DeviceFamilies.Default.Simulate("wrist-hr"), k, cramps: 0));
                synthetic[(i * SeedsPerNight) + k] = NightSeries.From(simulator.Notifications(), nights[i].Truth);
            }
        });
        return (PhysiologyStatistics.Measure(real), PhysiologyStatistics.Measure(synthetic));
    }

    /// <summary>A synthetic night on a real night's own stages (unscored epochs take the stage before), from its PSG start.</summary>
    public static SimulationOptions SyntheticTwin(LabelledNight truth, SimulatedWearable device, int variant, int cramps)
    {
        var stages = new List<SleepStage>(truth.Stages.Count);
        var previous = SleepStage.Wake;
        foreach (var stage in truth.Stages)
        {
            previous = stage ?? previous;
            stages.Add(previous);
        }

        var seed = unchecked((int)(long.Parse(truth.Id, CultureInfo.InvariantCulture) % 1_000_003) + (variant * 7919));
        return new SimulationOptions(seed, device, cramps, new Hypnogram(truth.Id, stages), truth.EpochStart, SimulationOptions.DefaultTimeZone);
    }

    public static void WriteTable(TextWriter output, PhysiologyStatistics real, PhysiologyStatistics synthetic)
    {
        output.WriteLine($"| statistic | real ({real.Nights} nights) | synthetic ({synthetic.Nights} nights, same hypnograms) |");
        output.WriteLine("|---|---|---|");
        foreach (var ((name, r), (_, s)) in real.Rows().Zip(synthetic.Rows()))
        {
            output.WriteLine($"| {name} | {r} | {s} |");
        }
    }

    /// <summary>Two panels: the share of seconds whose rise reaches x, per stage (log scale); each night's surge level, sorted.</summary>
    public static string Svg(PhysiologyStatistics real, PhysiologyStatistics synthetic)
    {
        var c = CultureInfo.InvariantCulture;
        var svg = new StringBuilder();
        const int width = 900, height = 400, top = 40, bottom = 340, left1 = 60, right1 = 520, left2 = 600, right2 = 870;
        svg.Append(c, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"DejaVu Sans, sans-serif\" font-size=\"12\">\n");
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.Append(c, $"<text x=\"{left1}\" y=\"22\" font-size=\"14\" font-weight=\"bold\">Seconds with the rise ≥ x (share, by stage)</text>\n");
        svg.Append(c, $"<text x=\"{left2}\" y=\"22\" font-size=\"14\" font-weight=\"bold\">Surge level per night (p99.9)</text>\n");

        const double xMin = -5, xMax = 45, logMin = -4;
        double X1(double x) => left1 + ((x - xMin) / (xMax - xMin) * (right1 - left1));
        double Y1(double share) => top + (Math.Min(0, Math.Max(logMin, Math.Log10(share))) / logMin * (bottom - top));
        for (var x = 0; x <= 40; x += 10)
        {
            svg.Append(c, $"<line x1=\"{X1(x):0.0}\" y1=\"{top}\" x2=\"{X1(x):0.0}\" y2=\"{bottom}\" stroke=\"#ddd\"/><text x=\"{X1(x):0.0}\" y=\"{bottom + 16}\" text-anchor=\"middle\">{x:+0;-0;0}</text>\n");
        }

        for (var e = 0; e >= logMin; e--)
        {
            svg.Append(c, $"<line x1=\"{left1}\" y1=\"{Y1(Math.Pow(10, e)):0.0}\" x2=\"{right1}\" y2=\"{Y1(Math.Pow(10, e)):0.0}\" stroke=\"#ddd\"/><text x=\"{left1 - 6}\" y=\"{Y1(Math.Pow(10, e)) + 4:0.0}\" text-anchor=\"end\">{Math.Pow(10, e).ToString("0.####", c)}</text>\n");
        }

        svg.Append(c, $"<text x=\"{(left1 + right1) / 2}\" y=\"{bottom + 34}\" text-anchor=\"middle\">rise above baseline (bpm): 5-s median − 10-min median</text>\n");
        var colours = new Dictionary<SleepStage, string>
        {
            [SleepStage.N2] = "#1f77b4", [SleepStage.N3] = "#2ca02c", [SleepStage.Rem] = "#d62728", [SleepStage.N1] = "#9467bd", [SleepStage.Wake] = "#ff7f0e",
        };
        foreach (var (stats, dash) in new[] { (real, ""), (synthetic, " stroke-dasharray=\"6 4\"") })
        {
            foreach (var (stage, colour) in colours)
            {
                if (!stats.Rises.TryGetValue(stage, out var sorted) || sorted.Length == 0)
                {
                    continue;
                }

                var points = new List<string>();
                for (var x = xMin; x <= xMax; x += 0.5)
                {
                    var share = PhysiologyStatistics.Exceeding(sorted, x);
                    if (share <= 0)
                    {
                        break;
                    }

                    points.Add(string.Create(c, $"{X1(x):0.0},{Y1(share):0.0}"));
                }

                svg.Append(c, $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"{dash} points=\"{string.Join(' ', points)}\"/>\n");
            }
        }

        var legendY = top + 10;
        foreach (var (stage, colour) in colours)
        {
            svg.Append(c, $"<line x1=\"{right1 - 120}\" y1=\"{legendY}\" x2=\"{right1 - 95}\" y2=\"{legendY}\" stroke=\"{colour}\" stroke-width=\"3\"/><text x=\"{right1 - 88}\" y=\"{legendY + 4}\">{PhysiologyStatistics.Name(stage)}</text>\n");
            legendY += 18;
        }

        svg.Append(c, $"<line x1=\"{right1 - 120}\" y1=\"{legendY + 6}\" x2=\"{right1 - 95}\" y2=\"{legendY + 6}\" stroke=\"black\" stroke-width=\"2\"/><text x=\"{right1 - 88}\" y=\"{legendY + 10}\">real</text>\n");
        svg.Append(c, $"<line x1=\"{right1 - 120}\" y1=\"{legendY + 24}\" x2=\"{right1 - 95}\" y2=\"{legendY + 24}\" stroke=\"black\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/><text x=\"{right1 - 88}\" y=\"{legendY + 28}\">synthetic</text>\n");

        // Panel 2: sorted per-night surge levels on a 0–1 quantile axis.
        const double levelMax = 60;
        double X2(double q) => left2 + (q * (right2 - left2));
        double Y2(double bpm) => bottom - (Math.Min(levelMax, bpm) / levelMax * (bottom - top));
        for (var bpm = 0; bpm <= levelMax; bpm += 10)
        {
            svg.Append(c, $"<line x1=\"{left2}\" y1=\"{Y2(bpm):0.0}\" x2=\"{right2}\" y2=\"{Y2(bpm):0.0}\" stroke=\"#ddd\"/><text x=\"{left2 - 6}\" y=\"{Y2(bpm) + 4:0.0}\" text-anchor=\"end\">+{bpm}</text>\n");
        }

        svg.Append(c, $"<text x=\"{(left2 + right2) / 2}\" y=\"{bottom + 34}\" text-anchor=\"middle\">nights, from calmest to most surging</text>\n");
        foreach (var (stats, colour, shape) in new[] { (real, "#333", "circle"), (synthetic, "#1f77b4", "rect") })
        {
            var levels = stats.SleeperSurgeLevels.Order().ToList();
            for (var i = 0; i < levels.Count; i++)
            {
                var x = X2((i + 0.5) / levels.Count);
                var y = Y2(levels[i]);
                svg.Append(shape == "circle"
                    ? string.Create(c, $"<circle cx=\"{x:0.0}\" cy=\"{y:0.0}\" r=\"4\" fill=\"{colour}\"/>\n")
                    : string.Create(c, $"<rect x=\"{x - 3:0.0}\" y=\"{y - 3:0.0}\" width=\"6\" height=\"6\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.5\"/>\n"));
            }
        }

        svg.Append(c, $"<circle cx=\"{left2 + 14}\" cy=\"{top + 12}\" r=\"4\" fill=\"#333\"/><text x=\"{left2 + 24}\" y=\"{top + 16}\">real</text>\n");
        svg.Append(c, $"<rect x=\"{left2 + 11}\" y=\"{top + 27}\" width=\"6\" height=\"6\" fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"1.5\"/><text x=\"{left2 + 24}\" y=\"{top + 34}\">synthetic</text>\n");
        svg.Append("</svg>\n");
        return svg.ToString();
    }
}
