using System.Globalization;
using NightLeg.Domain.Detection;
using NightLeg.Evaluation;

namespace NightLeg.Bench.Detection;

/// <summary>`motion-misses MODEL`: every cramp laid on the motion nights that was not asked about, with what the detector was doing.</summary>
public static class MotionMisses
{
    public static int Run(MotionCrampModel model, DetectorThresholds thresholds, TextWriter output)
    {
        foreach (var night in MotionNightBenchmark.Load())
        {
            for (var seed = 1; seed <= MotionNightBenchmark.CrampSeeds; seed++)
            {
                var capture = new MotionNightCapture(night, MotionNightBenchmark.CrampsPerNight, model, seed);
                var result = MotionNightBenchmark.Replay(capture, thresholds);
                foreach (var c in capture.Cramps)
                {
                    var hit = result.Awakenings.FirstOrDefault(a => a.Awakening.DetectedAt >= c.Onset.AddSeconds(-30) && a.Awakening.DetectedAt <= c.CrampEnd.AddSeconds(60));
                    if (hit is not null && hit.Review == ReviewKind.Ask)
                    {
                        continue;
                    }

                    var before = result.Awakenings.LastOrDefault(a => a.Awakening.DetectedAt < c.Onset.AddSeconds(-30));
                    var data = Enumerable.Range(0, 120).Count(i => night.Counts[(int)(c.Onset - night.Start).TotalSeconds + i] is not null);
                    var what = hit is not null ? $"found {hit.Awakening.DetectedAt - c.Onset:mm\\:ss} but {hit.Review} (worked {hit.Course?.ActiveSeconds}, heart after {hit.Course?.HeartRateAfterBpm}, asleep {hit.AsleepAgainAt - c.Onset:mm\\:ss})"
                            : before is not null ? $"missed; last prompt {before.Awakening.DetectedAt:HH:mm:ss}, asleep again {before.AsleepAgainAt:HH:mm:ss}" : "missed; no prompt before";
                    output.WriteLine(FormattableString.Invariant($"{night.Id} seed {seed} cramp {c.Onset:HH:mm:ss}-{c.CrampEnd:HH:mm:ss} rise {c.HeartRateRiseBpm:0} motion data {data}/120 s: {what}"));
                }
            }
        }

        return 0;
    }
}
