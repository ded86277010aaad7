using NightLeg.Bench.Detection;
using NightLeg.Bench.Performance;
using NightLeg.Domain.Detection;
using NightLeg.Sync.Simulation;

// nightleg-bench: `report` runs everything and writes docs/benchmarks.md; `detection` scores the
// detectors on the fixed synthetic nights; `performance` times replay, storage and history.
var command = args.FirstOrDefault() ?? "detection";
var devices = args.SkipWhile(a => a != "--device").Skip(1).Take(1).Select(SimulatedDeviceNames.Parse).ToList();
if (devices.Count == 0)
{
    devices = [SimulatedDevice.HrStrap, SimulatedDevice.InfiniTime, SimulatedDevice.PolarH10];
}

var sensitivity = args.SkipWhile(a => a != "--sensitivity").Skip(1).Take(1).Select(Enum.Parse<Sensitivity>).FirstOrDefault(Sensitivity.Normal);
return command switch
{
    "detection" => DetectionBenchmark.Run(devices, Console.Out, Thresholds(args, sensitivity), args.Contains("--verbose"), !args.Contains("--nightleg-only")),
    "micro" => NightLeg.Bench.Report.Write("", microOnly: true),
    "report" => NightLeg.Bench.Report.Write(args.Length > 1 ? args[1] : Path.Combine("docs", "benchmarks.md")),
    "performance" => PerformanceBenchmark.Run(Console.Out, Path.Combine(Path.GetTempPath(), "nightleg-bench")),
    "memory-replay" => PerformanceBenchmark.MemoryReplay(args[1], Console.Out),
    "memory-live" => await PerformanceBenchmark.MemoryLive(args[1], Console.Out),
    "trace" => TraceCommand.Run(args[1], devices[0], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture), Console.Out),
    _ => Usage(),
};

// --thresholds a,b,c,d,e,f,g overrides the sensitivity's thresholds (for tuning).
static DetectorThresholds Thresholds(string[] args, Sensitivity sensitivity)
{
    var text = args.SkipWhile(a => a != "--thresholds").Skip(1).FirstOrDefault();
    if (text is null)
    {
        return DetectorThresholds.For(sensitivity);
    }

    var v = text.Split(',').Select(x => double.Parse(x, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    return new DetectorThresholds((int)v[0], v[1], v[2], v[3], v[4], v[5], (int)v[6], v.Length > 7 ? (int)v[7] : DetectorThresholds.Normal.MotionLedActiveSeconds);
}

static int Usage()
{
    Console.Error.WriteLine("usage: nightleg-bench report [FILE] | detection [--device hr-strap|infinitime|polar-h10] [--sensitivity Low|Normal|High] [--verbose] [--nightleg-only] | performance | trace HYPNOGRAM SEED CRAMPS --device D");
    return 2;
}
