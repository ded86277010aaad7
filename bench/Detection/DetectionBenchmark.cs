using System.Collections.Concurrent;
using System.Diagnostics;
using NightLeg.Bench.Classic;
using NightLeg.Domain.Detection;
using NightLeg.Domain.Samples;
using NightLeg.Domain.Nights;
using NightLeg.Sync.Replay;
using NightLeg.Sync.Simulation;

namespace NightLeg.Bench.Detection;

/// <summary>Builds the fixed set of synthetic nights, replays each, and scores every method on it.</summary>
public static class DetectionBenchmark
{
    public static int Run(IReadOnlyList<SimulatedDevice> devices, TextWriter output, DetectorThresholds thresholds, bool verbose = false, bool classic = true)
    {
        var cases = NightCase.FixedSet(devices);
        var calendar = NightCalendar.ForZone(SimulationOptions.DefaultTimeZone);
        var results = new ConcurrentBag<(NightCase Case, string Method, NightScore Score)>();
        var actigraphy = new ConcurrentBag<(NightCase Case, GroundTruth Truth, DateTimeOffset Start, double?[] Counts)>();
        var clock = Stopwatch.StartNew();
        Parallel.ForEach(cases, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, nightCase =>
        {
            var simulator = new NightSimulator(nightCase.Options);
            var truth = simulator.Truth;
            var epochs = new List<SecondEpoch>();
            var result = CaptureReplay.Run(simulator.Notifications(), calendar, thresholds, recorder => recorder.EpochCompleted += epochs.Add);
            var detections = result.Awakenings.Select(a => a.Awakening.DetectedAt).ToList();
            var score = Scorer.Score(truth, detections);
            results.Add((nightCase, "NightLeg", score));
            if (classic)
            {
                // The classic scorers see the same seconds: actigraphy only where there is motion.
                if (nightCase.Device != SimulatedDevice.HrStrap)
                {
                    var (start, counts) = ActivityCounts.PerMinute(epochs);
                    actigraphy.Add((nightCase, truth, start, counts));
                }

                results.Add((nightCase, "HR threshold +15", Scorer.Score(truth, NaiveHeartRateThreshold.Detect(epochs))));
            }
            if (verbose && (score.CrampsFound < score.Cramps || score.FalsePrompts > 0))
            {
                lock (output)
                {
                    output.WriteLine($"  {nightCase.Device} {nightCase.HypnogramId} seed {nightCase.Seed}: cramps {score.CrampsFound}/{score.Cramps}, false {score.FalsePrompts}, " +
                                     $"latencies [{string.Join(", ", score.LatenciesSeconds.Select(l => l.ToString("0", System.Globalization.CultureInfo.InvariantCulture)))}]");
                    foreach (var c in truth.CrampAwakenings)
                    {
                        output.WriteLine($"    cramp {c.Onset:HH:mm:ss}–{c.End:HH:mm:ss} rise {c.HeartRateRiseBpm:0} stood {c.StoodUp} dropout {c.HeartRateDropout}");
                    }

                    foreach (var (_, a) in result.Awakenings)
                    {
                        output.WriteLine($"    detected {a.DetectedAt:HH:mm:ss} onset {a.Onset:HH:mm:ss} {a.BaselineHeartRateBpm:0}→{a.PeakHeartRateBpm:0} {a.Evidence} active {a.ActiveSeconds}");
                    }
                }
            }
        });

        var calibrated = new List<string>();
        foreach (var (name, scorer, future) in new (string, Func<double?[], bool[]>, int)[]
                 {
                     ("Cole-Kripke 1992", ColeKripke.Wake, ColeKripke.FutureMinutes),
                     ("Sadeh 1994", Sadeh.Wake, Sadeh.FutureMinutes),
                 })
        {
            if (actigraphy.IsEmpty)
            {
                break;
            }

            var (scale, accuracy) = Calibration.Best(actigraphy.Select(a => (a.Truth, a.Start, a.Counts)).ToList(), scorer);
            calibrated.Add($"{name}: count scale {scale:0.####} (minute-level balanced accuracy {accuracy:0.000})");
            foreach (var a in actigraphy)
            {
                var wake = scorer(a.Counts.Select(c => c * scale).ToArray());
                results.Add((a.Case, name, Scorer.Score(a.Truth, EpochScorerEvents.Detect(a.Start, wake, future))));
            }
        }

        output.WriteLine($"{cases.Count} nights in {clock.Elapsed.TotalSeconds:0} s");
        foreach (var line in calibrated)
        {
            output.WriteLine($"Calibrated {line}");
        }

        output.WriteLine();
        output.WriteLine("| method / device | nights | cramp recall | wake ≥ 2 min recall | false prompts (per night) | latency median | latency p95 |");
        output.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var method in results.Select(r => r.Method).Distinct())
        {
            var overall = new MethodTotals();
            foreach (var device in devices)
            {
                if (!results.Any(r => r.Method == method && r.Case.Device == device))
                {
                    output.WriteLine($"| {method} / {SimulatedDeviceNames.Name(device)} | – | no motion: not applicable | | | | |");
                    continue;
                }

                var totals = new MethodTotals();
                foreach (var r in results.Where(r => r.Method == method && r.Case.Device == device))
                {
                    totals.Add(r.Score);
                }

                overall.Add(totals);
                output.WriteLine(totals.Row($"{method} / {SimulatedDeviceNames.Name(device)}"));
            }

            output.WriteLine(overall.Row($"**{method} / all**"));
        }

        return 0;
    }
}
