using NightLeg.Sync.Devices;
using System.Globalization;
using NightLeg.Domain.Detection;
using NightLeg.Domain.Nights;
using NightLeg.Domain.Samples;
using NightLeg.Sync.Replay;
using NightLeg.Sync.Simulation;

namespace NightLeg.Bench.Detection;

/// <summary>For tuning: the heart rate around each missed cramp of the synthetic set, with the detector's baseline and surge level.</summary>
public static class MissTrace
{
    public static int Run(SimulatedWearable device, DetectorThresholds thresholds, TextWriter output)
    {
        foreach (var nightCase in NightCase.FixedSet([device]))
        {
            var simulator = new NightSimulator(nightCase.Options);
            var epochs = new List<(SecondEpoch Epoch, double? Baseline, double Surge)>();
            var result = CaptureReplay.Run(simulator.Notifications(), NightCalendar.ForZone("UTC"), thresholds,
                r => r.EpochCompleted += e => epochs.Add((e, r.BaselineHeartRateBpm, 0)));
            foreach (var cramp in simulator.Truth.CrampAwakenings)
            {
                if (result.Awakenings.Any(a => a.Awakening.DetectedAt >= cramp.Onset.AddSeconds(-30) && a.Awakening.DetectedAt <= cramp.End.AddSeconds(60)))
                {
                    continue;
                }

                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{nightCase.HypnogramId} seed {nightCase.Seed}: cramp {cramp.Onset:HH:mm:ss} +{cramp.HeartRateRiseBpm:0} for {(cramp.CrampEnd - cramp.Onset).TotalSeconds:0} s"));
                var window = epochs.Where(e => e.Epoch.Start >= cramp.Onset.AddSeconds(-600) && e.Epoch.Start <= cramp.Onset.AddSeconds(150)).ToList();
                var line = window.Where((_, i) => i % 5 == 0).Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Epoch.HeartRateBpm - e.Baseline:0}"));
                output.WriteLine("   rise every 5 s from −10 min: " + string.Join(' ', line));
            }
        }

        return 0;
    }
}
