using System.Globalization;
using System.Text;
using NightLeg.Bench.Detection;
using NightLeg.Domain.Nights;
using NightLeg.Domain.Samples;
using NightLeg.Evaluation;
using NightLeg.Sync.Devices;
using NightLeg.Sync.Replay;
using NightLeg.Sync.Simulation;

namespace NightLeg.Bench.Physiology;

/// <summary>
/// The real motion nights (data/motion-nights, as a Polar H10 capture) against synthetic Polar H10
/// nights on the 31 hypnograms, measured the same way (<see cref="MovementStatistics"/>) from sleep
/// onset to getting up.
/// </summary>
public static class MovementComparison
{
    /// <summary>Synthetic sleepers per hypnogram.</summary>
    public const int SeedsPerHypnogram = 2;

    public static (MovementStatistics Real, MovementStatistics Synthetic) Measure()
    {
        var real = new MovementStatistics();
        foreach (var night in MotionNightBenchmark.Load())
        {
            var epochs = new List<SecondEpoch>();
            MotionNightBenchmark.Replay(new MotionNightCapture(night), NightLeg.Domain.Detection.DetectorThresholds.Normal, r => r.EpochCompleted += epochs.Add);
            real.Add(epochs, night.SleepOnset, night.OutOfBed);
        }

        var synthetic = new MovementStatistics();
        var device = DeviceFamilies.Default.Simulate("polar-h10");
        var ids = HypnogramLibrary.Ids;
        var results = new (List<SecondEpoch> Epochs, GroundTruth Truth)[ids.Count * SeedsPerHypnogram];
        Parallel.For(0, results.Length, i =>
        {
            var options = new SimulationOptions(5000 + i, device, 0, HypnogramLibrary.Get(ids[i / SeedsPerHypnogram]),
                new DateTimeOffset(2026, 3, 10, 22, 0, 0, TimeSpan.Zero), SimulationOptions.DefaultTimeZone);
            var simulator = new NightSimulator(options);
            var epochs = new List<SecondEpoch>();
            CaptureReplay.Run(simulator.Notifications(), NightCalendar.ForZone(options.TimeZoneId), NightLeg.Domain.Detection.DetectorThresholds.Normal, r => r.EpochCompleted += epochs.Add);
            results[i] = (epochs, simulator.Truth);
        });

        foreach (var (epochs, truth) in results)
        {
            // Getting up for the day ends the time in bed, as the actigraphy's "out of bed" does.
            var final = truth.WakeBouts.LastOrDefault(b => b.Kind == "final");
            synthetic.Add(epochs, truth.SleepOnset, final?.Onset ?? truth.End);
        }

        return (real, synthetic);
    }

    public static void WriteTable(TextWriter output, MovementStatistics real, MovementStatistics synthetic)
    {
        output.WriteLine($"| statistic | real ({real.Nights} nights, data/motion-nights) | synthetic ({synthetic.Nights} Polar H10 nights, 31 hypnograms) |");
        output.WriteLine("|---|---|---|");
        foreach (var ((name, r), (_, s)) in real.Rows().Zip(synthetic.Rows()))
        {
            output.WriteLine($"| {name} | {r} | {s} |");
        }
    }

    /// <summary>Two panels on a log scale: the share of bouts with at least x active seconds; the share of still stretches of at least x minutes.</summary>
    public static string Svg(MovementStatistics real, MovementStatistics synthetic)
    {
        var c = CultureInfo.InvariantCulture;
        var svg = new StringBuilder();
        const int width = 900, height = 400, top = 40, bottom = 340;
        svg.Append(c, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"DejaVu Sans, sans-serif\" font-size=\"12\">\n");
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        Panel(svg, 60, 420, "Bouts with ≥ x active seconds (share)", real.BoutActiveSeconds.Select(v => (double)v).ToList(), synthetic.BoutActiveSeconds.Select(v => (double)v).ToList(), 0, 120, 20);
        Panel(svg, 520, 880, "Stillness between bouts ≥ x minutes (share)", real.StillMinutes, synthetic.StillMinutes, 0, 60, 10);
        svg.Append(c, $"<line x1=\"60\" y1=\"{height - 22}\" x2=\"90\" y2=\"{height - 22}\" stroke=\"#1f5fa8\" stroke-width=\"2\"/><text x=\"96\" y=\"{height - 18}\">real (data/motion-nights)</text>\n");
        svg.Append(c, $"<line x1=\"320\" y1=\"{height - 22}\" x2=\"350\" y2=\"{height - 22}\" stroke=\"#c0392b\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/><text x=\"356\" y=\"{height - 18}\">synthetic (Polar H10, 31 hypnograms)</text>\n");
        svg.Append("</svg>\n");
        return svg.ToString();

        void Panel(StringBuilder s, int left, int right, string title, IReadOnlyList<double> realValues, IReadOnlyList<double> syntheticValues, double xMin, double xMax, double step)
        {
            const double logMin = -3;
            double X(double x) => left + ((x - xMin) / (xMax - xMin) * (right - left));
            double Y(double share) => top + (Math.Min(0, Math.Max(logMin, Math.Log10(Math.Max(share, 1e-9)))) / logMin * (bottom - top));
            s.Append(c, $"<text x=\"{left}\" y=\"22\" font-size=\"14\" font-weight=\"bold\">{title}</text>\n");
            for (var x = xMin; x <= xMax; x += step)
            {
                s.Append(c, $"<line x1=\"{X(x):0.0}\" y1=\"{top}\" x2=\"{X(x):0.0}\" y2=\"{bottom}\" stroke=\"#ddd\"/><text x=\"{X(x):0.0}\" y=\"{bottom + 16}\" text-anchor=\"middle\">{x:0}</text>\n");
            }

            for (var p = 0; p >= logMin; p--)
            {
                s.Append(c, $"<line x1=\"{left}\" y1=\"{Y(Math.Pow(10, p)):0.0}\" x2=\"{right}\" y2=\"{Y(Math.Pow(10, p)):0.0}\" stroke=\"#ddd\"/><text x=\"{left - 6}\" y=\"{Y(Math.Pow(10, p)) + 4:0.0}\" text-anchor=\"end\">{Math.Pow(10, p):0.###}</text>\n");
            }

            foreach (var (values, color, dash) in new[] { (realValues, "#1f5fa8", ""), (syntheticValues, "#c0392b", " stroke-dasharray=\"6 4\"") })
            {
                var points = new List<string>();
                for (var x = xMin; x <= xMax; x += (xMax - xMin) / 120)
                {
                    var share = values.Count == 0 ? 0 : values.Count(v => v >= x) / (double)values.Count;
                    points.Add(string.Create(c, $"{X(x):0.0},{Y(share):0.0}"));
                }

                s.Append(c, $"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"2\"{dash} points=\"{string.Join(' ', points)}\"/>\n");
            }
        }
    }
}
