using System.Globalization;
using NightLeg.Domain.Detection;
using NightLeg.Domain.Nights;
using NightLeg.Domain.Samples;
using NightLeg.Evaluation;
using NightLeg.Sync.Devices;
using NightLeg.Sync.Replay;
using NightLeg.Sync.Simulation;

namespace NightLeg.Bench.Detection;

/// <summary>For tuning: the seconds around each false prompt of the synthetic set (heart rate, movement, stage).</summary>
public static class FalsePromptTrace
{
    public static int Run(SimulatedWearable device, DetectorThresholds thresholds, TextWriter output, int limit)
    {
        var shown = 0;
        foreach (var nightCase in NightCase.FixedSet([device]))
        {
            var simulator = new NightSimulator(nightCase.Options);
            var labelled = LabelledNight.From(simulator.Truth);
            var epochs = new List<SecondEpoch>();
            var result = CaptureReplay.Run(simulator.Notifications(), NightCalendar.ForZone("UTC"), thresholds, r => r.EpochCompleted += epochs.Add);
            foreach (var a in result.Awakenings)
            {
                var d = a.Awakening;
                if (d.DetectedAt < labelled.SleepOnset || labelled.WakeBouts.Any(b => d.DetectedAt >= b.Onset - DetectionScorer.Before && d.DetectedAt <= b.End + DetectionScorer.After))
                {
                    continue;
                }

                output.WriteLine($"{nightCase.HypnogramId} seed {nightCase.Seed}: {d.Evidence} at {d.DetectedAt:HH:mm:ss}, onset {d.Onset:HH:mm:ss}, {d.BaselineHeartRateBpm:0}→{d.PeakHeartRateBpm:0}, stage {labelled.StageAt(d.DetectedAt)}");
                var line = new List<string>();
                foreach (var e in epochs.Where(e => e.Start >= d.Onset.AddSeconds(-20) && e.Start <= d.DetectedAt.AddSeconds(5)))
                {
                    line.Add(string.Create(CultureInfo.InvariantCulture, $"{e.HeartRateBpm:0}{(e.MovementG >= DetectorConstants.ActiveMovementG ? "*" : "")}"));
                }

                output.WriteLine("   " + string.Join(' ', line));
                if (++shown >= limit)
                {
                    return 0;
                }
            }
        }

        return 0;
    }
}
