using System.Globalization;
using NightLeg.Domain.Detection;
using NightLeg.Evaluation;

namespace NightLeg.Bench.Detection;

/// <summary>`motion-trace USER [CRAMPS MODEL SEED]`: every second of one motion night as the detector saw it (CSV), then the detections.</summary>
public static class MotionTrace
{
    public static int Run(string user, int cramps, MotionCrampModel model, int seed, DetectorThresholds thresholds, TextWriter output)
    {
        var night = MotionNightBenchmark.Load().Single(n => n.Id == user);
        var capture = new MotionNightCapture(night, cramps, model, seed);
        output.WriteLine($"# {night.Id} onset {night.SleepOnset:O} out {night.OutOfBed:O}");
        foreach (var c in capture.Cramps)
        {
            output.WriteLine($"# cramp {c.Onset.ToUnixTimeSeconds()} {c.CrampEnd.ToUnixTimeSeconds()} {c.End.ToUnixTimeSeconds()} {c.HeartRateRiseBpm:0.0}");
        }

        output.WriteLine("t,hr,move,px,py,pz,state");
        var result = MotionNightBenchmark.Replay(capture, thresholds, recorder => recorder.EpochCompleted += e =>
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{e.Start.ToUnixTimeSeconds()},{e.HeartRateBpm:0.#},{e.MovementG:0.###},{e.Posture?.X:0.##},{e.Posture?.Y:0.##},{e.Posture?.Z:0.##},{recorder.State}")));
        foreach (var a in result.Awakenings)
        {
            var d = a.Awakening;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"# detection {d.Onset.ToUnixTimeSeconds()} {d.DetectedAt.ToUnixTimeSeconds()} {d.Evidence} active {d.ActiveSeconds} {a.Review} {a.AlertWithSoundOn} asleep {a.AsleepAgainAt?.ToUnixTimeSeconds()}"));
        }

        return 0;
    }
}
