using System.Collections.Concurrent;
using System.Diagnostics;
using NightLeg.Bench.Classic;
using NightLeg.Domain.Detection;
using NightLeg.Domain.Nights;
using NightLeg.Domain.Samples;
using NightLeg.Evaluation;
using NightLeg.Sync.Devices;
using NightLeg.Sync.Replay;
using NightLeg.Sync.Simulation;

namespace NightLeg.Bench.Detection;

/// <summary>
/// The detection benchmark: the fixed synthetic set (every method scored on the same seconds) and
/// the real nights, side by side, every detection scored by <see cref="DetectionScorer"/>.
/// </summary>
public static class DetectionBenchmark
{
    public const string NightLeg = "NightLeg";

    /// <summary>Scores every method on the synthetic set; returns (case, method, score) for each night.</summary>
    public static IReadOnlyList<(NightCase Case, string Method, NightScore Score)> Synthetic(IReadOnlyList<SimulatedWearable> devices, DetectorThresholds thresholds,
        bool classic, TextWriter? verbose = null, bool learned = false, int seedBase = NightCase.TuningSeeds)
    {
        var cases = NightCase.FixedSet(devices, seedBase);
        var calendar = NightCalendar.ForZone(SimulationOptions.DefaultTimeZone);
        var results = new ConcurrentBag<(NightCase Case, string Method, NightScore Score)>();
        var actigraphy = new ConcurrentBag<(NightCase Case, GroundTruth Truth, DateTimeOffset Start, double?[] Counts)>();
        Parallel.ForEach(cases, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, nightCase =>
        {
            var simulator = new NightSimulator(nightCase.Options);
            var truth = simulator.Truth;
            var labelled = LabelledNight.From(truth);
            var epochs = new List<SecondEpoch>();
            // A chest strap's gravity tells sitting up, as it does live (the session sets it from the device family).
            var chest = nightCase.Device.HasMotion && !nightCase.Device.Wrist;
            var sleeper = learned ? CaptureReplay.Run(new NightSimulator(nightCase.NightBefore).Notifications(), calendar, thresholds, r => r.WornOnChest = chest).Sleeper : null;
            var result = CaptureReplay.Run(simulator.Notifications(), calendar, thresholds, recorder =>
            {
                recorder.WornOnChest = chest;
                recorder.EpochCompleted += epochs.Add;
            }, sleeper: sleeper);
            var score = DetectionScorer.Score(labelled, result.Awakenings.Select(a => new ScoredDetection(a.Awakening.DetectedAt, a.Review)).ToList());
            results.Add((nightCase, NightLeg, score));
            if (classic)
            {
                // The classic scorers see the same seconds: actigraphy only where there is motion.
                if (nightCase.Device.HasMotion)
                {
                    var (start, counts) = ActivityCounts.PerMinute(epochs);
                    actigraphy.Add((nightCase, truth, start, counts));
                }

                results.Add((nightCase, "HR threshold +15", DetectionScorer.Score(labelled, Asked(NaiveHeartRateThreshold.Detect(epochs)))));
            }

            if (verbose is not null && (score.CrampsFound < score.Cramps || score.FalsePrompts > 0))
            {
                lock (verbose)
                {
                    verbose.WriteLine($"  {nightCase.Device} {nightCase.HypnogramId} seed {nightCase.Seed}: cramps {score.CrampsFound}/{score.Cramps}, false {score.FalsePrompts}, " +
                                      $"latencies [{string.Join(", ", score.LatenciesSeconds.Select(l => l.ToString("0", System.Globalization.CultureInfo.InvariantCulture)))}]");
                    foreach (var c in truth.CrampAwakenings)
                    {
                        verbose.WriteLine($"    cramp {c.Onset:HH:mm:ss}–{c.CrampEnd:HH:mm:ss}–{c.End:HH:mm:ss} rise {c.HeartRateRiseBpm:0} stood {c.StoodUp} dropout {c.HeartRateDropout}");
                    }

                    foreach (var a in result.Awakenings)
                    {
                        var d = a.Awakening;
                        var inBout = labelled.WakeBouts.Any(b => d.DetectedAt >= b.Onset - DetectionScorer.Before && d.DetectedAt <= b.End + DetectionScorer.After);
                        verbose.WriteLine($"    detected {d.DetectedAt:HH:mm:ss} onset {d.Onset:HH:mm:ss} {d.BaselineHeartRateBpm:0}→{d.PeakHeartRateBpm:0} " +
                                          $"{d.Evidence} active {d.ActiveSeconds} {a.Review} {(inBout ? "wake" : "FALSE " + labelled.StageAt(d.DetectedAt))}");
                    }
                }
            }
        });

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

            var (scale, _) = Calibration.Best(actigraphy.Select(a => (a.Truth, a.Start, a.Counts)).ToList(), scorer);
            foreach (var a in actigraphy)
            {
                var wake = scorer(a.Counts.Select(c => c * scale).ToArray());
                results.Add((a.Case, name, DetectionScorer.Score(LabelledNight.From(a.Truth), Asked(EpochScorerEvents.Detect(a.Start, wake, future)))));
            }
        }

        return [.. results];
    }

    /// <summary>Prints both sets: synthetic per method and device, then the real nights.</summary>
    public static int Run(IReadOnlyList<SimulatedWearable> devices, TextWriter output, DetectorThresholds thresholds, bool verbose = false, bool classic = true, bool real = true)
    {
        var clock = Stopwatch.StartNew();
        var results = Synthetic(devices, thresholds, classic, verbose ? output : null);
        output.WriteLine($"Synthetic: {results.Count(r => r.Method == NightLeg)} nights in {clock.Elapsed.TotalSeconds:0} s");
        output.WriteLine();
        WriteSynthetic(output, results, devices);
        if (real)
        {
            output.WriteLine();
            var (totals, nights) = RealNightBenchmark.Run(RealNightBenchmark.Load(), thresholds);
            output.WriteLine(MethodTotals.RealHeader);
            output.WriteLine(totals.RealRow($"{NightLeg} (heart rate only)"));
            if (verbose)
            {
                foreach (var (night, score, result) in nights)
                {
                    output.WriteLine($"  {night.Truth.Id}: false {score.FalsePrompts} [{string.Join(", ", score.FalsePromptStages)}], ask {score.EventsToAsk}, brief {score.BriefAwakenings}, " +
                                     $"bouts≥1 {score.Bouts1MinFound}/{score.Bouts1Min}");
                    foreach (var a in result.Awakenings)
                    {
                        var d = a.Awakening;
                        var inBout = night.Truth.WakeBouts.Any(b => d.DetectedAt >= b.Onset - DetectionScorer.Before && d.DetectedAt <= b.End + DetectionScorer.After);
                        output.WriteLine($"    {d.DetectedAt:HH:mm:ss} onset {d.Onset:HH:mm:ss} {d.BaselineHeartRateBpm:0}→{d.PeakHeartRateBpm:0} {a.Review} " +
                                         $"asleep again {a.AsleepAgainAt:HH:mm:ss} {(inBout ? "wake" : "FALSE " + night.Truth.StageAt(d.DetectedAt))}");
                    }
                }
            }
        }

        return 0;
    }

    public static void WriteSynthetic(TextWriter output, IReadOnlyList<(NightCase Case, string Method, NightScore Score)> results, IReadOnlyList<SimulatedWearable> devices)
    {
        output.WriteLine(MethodTotals.SyntheticHeader);
        foreach (var method in results.Select(r => r.Method).Distinct())
        {
            var overall = new MethodTotals();
            foreach (var device in devices)
            {
                if (!results.Any(r => r.Method == method && r.Case.Device == device))
                {
                    output.WriteLine($"| {method} / {device.Name} | – | no motion: not applicable | | | | | | |");
                    continue;
                }

                var totals = MethodTotals.Of(results.Where(r => r.Method == method && r.Case.Device == device).Select(r => r.Score));

                overall.Add(totals);
                output.WriteLine(totals.SyntheticRow($"{method} / {device.Name}"));
            }

            output.WriteLine(overall.SyntheticRow($"**{method} / all**"));
        }
    }

    private static List<ScoredDetection> Asked(IEnumerable<DateTimeOffset> detections) => detections.Select(d => new ScoredDetection(d, ReviewKind.Ask)).ToList();
}
