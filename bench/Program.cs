using NightLeg.Bench.Detection;
using NightLeg.Domain.Detection;
using NightLeg.Sync.Simulation;

// nightleg-bench: `detection` scores the awakening detector on the fixed synthetic nights.
var command = args.FirstOrDefault() ?? "detection";
var devices = args.SkipWhile(a => a != "--device").Skip(1).Take(1).Select(SimulatedDeviceNames.Parse).ToList();
if (devices.Count == 0)
{
    devices = [SimulatedDevice.HrStrap, SimulatedDevice.InfiniTime, SimulatedDevice.PolarH10];
}

var sensitivity = args.SkipWhile(a => a != "--sensitivity").Skip(1).Take(1).Select(Enum.Parse<Sensitivity>).FirstOrDefault(Sensitivity.Normal);
return command switch
{
    "detection" => DetectionBenchmark.Run(devices, Console.Out, sensitivity, args.Contains("--verbose")),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: nightleg-bench detection [--device hr-strap|infinitime|polar-h10] [--sensitivity Low|Normal|High] [--verbose]");
    return 2;
}
