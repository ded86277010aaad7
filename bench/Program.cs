using NightLeg.Bench.Detection;
using NightLeg.Bench.Performance;
using NightLeg.Domain.Detection;
using NightLeg.Sync.Devices;
using NightLeg.Sync.Simulation;

// nightleg-bench: `report` runs everything and writes docs/benchmarks.md; `detection` scores the
// detectors on the fixed synthetic nights; `performance` times replay, storage and history.
var command = args.FirstOrDefault() ?? "detection";
var devices = args.SkipWhile(a => a != "--device").Skip(1).Take(1).Select(DeviceFamilies.Default.Simulate).ToList();
if (devices.Count == 0)
{
    devices = [.. NightCase.DefaultDevices];
}

var sensitivity = args.SkipWhile(a => a != "--sensitivity").Skip(1).Take(1).Select(Enum.Parse<Sensitivity>).FirstOrDefault(Sensitivity.Normal);
return command switch
{
    "detection" => DetectionBenchmark.Run(devices, Console.Out, Thresholds(args, sensitivity), args.Contains("--verbose"), !args.Contains("--nightleg-only"), !args.Contains("--synthetic-only")),
    "sweep" => NightLeg.Bench.Detection.SweepCommand.Run(devices[0], Thresholds(args, sensitivity), args.SkipWhile(a => a != "--grid").Skip(1).First(), Console.Out, args.Contains("--learned")),
    "miss-trace" => NightLeg.Bench.Detection.MissTrace.Run(devices[0], Thresholds(args, sensitivity), Console.Out),
    "fp-trace" => NightLeg.Bench.Detection.FalsePromptTrace.Run(devices[0], Thresholds(args, sensitivity), Console.Out, 30),
    "physiology" => PhysiologyCommand(args),
    "motion" => MotionNightBenchmark.Run(Thresholds(args, sensitivity), Console.Out),
    "motion-misses" => MotionMisses.Run(Enum.Parse<NightLeg.Evaluation.MotionCrampModel>(args[1]), Thresholds(args, sensitivity), Console.Out),
    "movement" => MovementCommand(),
    "learning" => LearningCommand(),
    "hr-cramps" => HeartRateCrampsCommand(Thresholds(args, sensitivity)),
    "motion-sweep" => MotionSweep.Run(Thresholds(args, sensitivity), args.SkipWhile(a => a != "--grid").Skip(1).First(), Console.Out),
    "motion-trace" => MotionTrace.Run(args[1], args.Length > 2 && int.TryParse(args[2], out var c) ? c : 0,
        args.Length > 3 && Enum.TryParse<NightLeg.Evaluation.MotionCrampModel>(args[3], out var m) ? m : NightLeg.Evaluation.MotionCrampModel.Ours,
        args.Length > 4 && int.TryParse(args[4], out var seed) ? seed : 1, Thresholds(args, sensitivity), Console.Out),
    "micro" => NightLeg.Bench.Report.Write("", microOnly: true),
    "report" => NightLeg.Bench.Report.Write(args.Length > 1 ? args[1] : Path.Combine("docs", "benchmarks.md")),
    "performance" => PerformanceBenchmark.Run(Console.Out, Path.Combine(Path.GetTempPath(), "nightleg-bench")),
    "scale" => PerformanceBenchmark.Scale(Console.Out),
    "memory-replay" => PerformanceBenchmark.MemoryReplay(args[1], Console.Out),
    "browser-memory" => await BrowserMemoryBenchmark.Run(Console.Out, rounds: args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 4,
        environment: args.SkipWhile(a => a != "--env").Skip(1).FirstOrDefault()),
    "prompt-latency" => await NightLeg.Bench.Performance.PromptLatencyBenchmark.Run(Console.Out, minutes: args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 4),
    "packaged-unit" => PrintPackagedUnit(),
    "footprint" => await NightLeg.Bench.Performance.FootprintBenchmark.Run(Console.Out),
    "live-night" => await LiveNightBenchmark.Run(Console.Out, TimeSpan.FromMinutes(args.Skip(1).FirstOrDefault(a => !a.StartsWith('-')) is { } minutes ? double.Parse(minutes, System.Globalization.CultureInfo.InvariantCulture) : 10),
        args.Contains("--gc")),
    "ten-years" => await NightLeg.Bench.Performance.TenYearsBenchmark.Run(Console.Out),
    "ten-years-seconds" => await TenYearsOfSecondsBenchmark.Run(Console.Out, nights: args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3650),
    "memory-live" => await PerformanceBenchmark.MemoryLive(args[1], Console.Out),
    "trace" => TraceCommand.Run(args[1], devices[0], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture), Console.Out),
    _ => Usage(),
};

// --set Name=Value,Name=Value overrides thresholds of the sensitivity (for tuning), e.g. --set HeartRateEvidenceAloneBpmSeconds=150.
static DetectorThresholds Thresholds(string[] args, Sensitivity sensitivity)
{
    var thresholds = DetectorThresholds.For(sensitivity) with { };
    var text = args.SkipWhile(a => a != "--set").Skip(1).FirstOrDefault();
    foreach (var pair in text?.Split(',') ?? [])
    {
        var (name, value) = (pair.Split('=')[0], pair.Split('=')[1]);
        var property = typeof(DetectorThresholds).GetProperty(name) ?? throw new ArgumentException($"no threshold {name}");
        property.SetValue(thresholds, Convert.ChangeType(double.Parse(value, System.Globalization.CultureInfo.InvariantCulture), property.PropertyType, System.Globalization.CultureInfo.InvariantCulture));
    }

    return thresholds;
}

static int PhysiologyCommand(string[] args)
{
    var dir = NightLeg.Evaluation.RealNight.FindDirectory(Directory.GetCurrentDirectory()) ?? throw new DirectoryNotFoundException("data/real-nights (or ../shared/data/real-nights) not found");
    var (real, synthetic) = NightLeg.Bench.Physiology.PhysiologyComparison.Measure(NightLeg.Evaluation.RealNight.LoadAll(dir));
    NightLeg.Bench.Physiology.PhysiologyComparison.WriteTable(Console.Out, real, synthetic);
    var svg = args.Length > 1 ? args[1] : Path.Combine("docs", "physiology-model.svg");
    File.WriteAllText(svg, NightLeg.Bench.Physiology.PhysiologyComparison.Svg(real, synthetic));
    return 0;
}

static int HeartRateCrampsCommand(DetectorThresholds thresholds)
{
    foreach (var r in HeartRateCramps.Run(thresholds))
    {
        Console.WriteLine(FormattableString.Invariant($"{r.Set}: {r.Nights} runs, cramps found {r.Found}/{r.Cramps} = {r.Found / (double)r.Cramps:0.000} ({r.FoundWithData}/{r.WithData} of those with data), asked {r.Asked}, latency median {MotionNightBenchmark.Percentile(r.Latencies, 0.5):0} s p95 {MotionNightBenchmark.Percentile(r.Latencies, 0.95):0} s"));
    }

    return 0;
}

static int LearningCommand()
{
    var results = Enumerable.Range(0, 8).AsParallel().AsOrdered().Select(i => NightLeg.Evaluation.LearningWeeks.Run(3000 + i)).ToList();
    foreach (var r in results)
    {
        Console.WriteLine($"week 1 asked {r.FirstWeekQuestions}; week 2 asked {r.SecondWeekQuestions} (untaught {r.SecondWeekQuestionsUntaught}); cramps {r.CrampsFound}/{r.Cramps} found, {r.CrampsAsked} asked; movement level {r.Learning.MovementLevel:0.00}, {r.Learning.Dismissed.Count} dismissed remembered");
    }

    Console.WriteLine($"total: week 1 {results.Sum(r => r.FirstWeekQuestions)}, week 2 {results.Sum(r => r.SecondWeekQuestions)} (untaught {results.Sum(r => r.SecondWeekQuestionsUntaught)}), cramps found {results.Sum(r => r.CrampsFound)}/{results.Sum(r => r.Cramps)}, asked {results.Sum(r => r.CrampsAsked)}");
    return 0;
}

static int MovementCommand()
{
    var (real, synthetic) = NightLeg.Bench.Physiology.MovementComparison.Measure();
    NightLeg.Bench.Physiology.MovementComparison.WriteTable(Console.Out, real, synthetic);
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: nightleg-bench report [FILE] | detection [--device hr-strap|infinitime|polar-h10] [--sensitivity Low|Normal|High] [--verbose] [--nightleg-only] | performance | trace HYPNOGRAM SEED CRAMPS --device D");
    return 2;
}

// The Debian package's systemd unit, as NightLeg's own SystemdUnit writes it: `nightleg-bench packaged-unit > packaging/deb/nightleg.service`.
static int PrintPackagedUnit()
{
    Console.Out.Write(NightLeg.Mobile.Hosting.SystemdUnit.Packaged.Render());
    return 0;
}
