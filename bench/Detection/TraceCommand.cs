using NightLeg.Sync.Devices;
using NightLeg.Domain.Detection;
using NightLeg.Domain.Nights;
using NightLeg.Domain.Samples;
using NightLeg.Sync.Replay;
using NightLeg.Sync.Simulation;

namespace NightLeg.Bench.Detection;

/// <summary>Prints one synthetic night minute by minute (truth, heart rate, baseline, activity, state), for tuning.</summary>
public static class TraceCommand
{
    public static int Run(string hypnogramId, SimulatedWearable device, int seed, int cramps, TextWriter output)
    {
        var simulator = new NightSimulator(new NightCase(hypnogramId, device, seed, cramps).Options);
        var truth = simulator.Truth;
        var calendar = NightCalendar.ForZone(SimulationOptions.DefaultTimeZone);
        var minute = new List<SecondEpoch>();
        NightRecorder? recorder = null;
        var result = CaptureReplay.Run(simulator.Notifications(), calendar, Sensitivity.Normal, r =>
        {
            recorder = r;
            r.EpochCompleted += epoch =>
            {
                minute.Add(epoch);

                if (epoch.Start.Second != 59)
                {
                    return;
                }

                var hr = minute.Where(e => e.HeartRateBpm is not null).Select(e => e.HeartRateBpm!.Value).DefaultIfEmpty(double.NaN);
                var active = minute.Count(e => e.MovementG >= DetectorConstants.ActiveMovementG);
                var awake = truth.WakeBouts.FirstOrDefault(b => epoch.Start >= b.Onset && epoch.Start < b.End);
                output.WriteLine($"{epoch.Start:HH:mm} hr {hr.Average(),5:0.0} max {hr.Max(),5:0} base {r.BaselineHeartRateBpm,5:0.0} active {active,2} {r.State,-13} {awake?.Kind}");
                minute.Clear();
            };
            r.AwakeningDetected += (_, a) => output.WriteLine($"      >>> detected {a.DetectedAt:HH:mm:ss} onset {a.Onset:HH:mm:ss} {a.Evidence} {a.BaselineHeartRateBpm:0}→{a.PeakHeartRateBpm:0} active {a.ActiveSeconds}");
        });
        foreach (var c in truth.CrampAwakenings)
        {
            output.WriteLine($"cramp {c.Onset:HH:mm:ss}–{c.CrampEnd:HH:mm:ss}–{c.End:HH:mm:ss} rise {c.HeartRateRiseBpm:0} stood {c.StoodUp}");
        }

        output.WriteLine($"{result.Awakenings.Count} detections");
        return 0;
    }
}
