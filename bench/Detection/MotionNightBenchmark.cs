using System.Globalization;
using NightLeg.Domain.Detection;
using NightLeg.Domain.Nights;
using NightLeg.Evaluation;
using NightLeg.Sync.Replay;

namespace NightLeg.Bench.Detection;

/// <summary>
/// The real motion nights of data/motion-nights replayed exactly as `nightleg replay` replays a Polar
/// H10 capture, as first nights, each scored by <see cref="MotionNightScore"/>: without cramps (what a
/// healthy sleeper is asked and hears) and with synthetic cramps laid on (what is found, how fast).
/// </summary>
public static class MotionNightBenchmark
{
    /// <summary>Cramps laid on each night in the cramp runs, and the seeds (runs) per night.</summary>
    public const int CrampsPerNight = 3, CrampSeeds = 4;

    public static IReadOnlyList<MotionNight> Load()
    {
        var dir = MotionNight.FindDirectory(Directory.GetCurrentDirectory())
                  ?? throw new DirectoryNotFoundException("data/motion-nights not found (run from the repository)");
        return MotionNight.LoadAll(dir);
    }

    /// <summary>Every night replayed once without cramps.</summary>
    public static IReadOnlyList<MotionNightScore> Quiet(IReadOnlyList<MotionNight> nights, DetectorThresholds thresholds) =>
        Replay(nights.Select(n => (n, new MotionNightCapture(n))).ToList(), thresholds);

    /// <summary>Every night with <see cref="CrampsPerNight"/> cramps of <paramref name="model"/>, for each of <see cref="CrampSeeds"/> seeds.</summary>
    public static IReadOnlyList<MotionNightScore> WithCramps(IReadOnlyList<MotionNight> nights, DetectorThresholds thresholds, MotionCrampModel model) =>
        Replay(nights.SelectMany(n => Enumerable.Range(1, CrampSeeds).Select(seed => (n, new MotionNightCapture(n, CrampsPerNight, model, seed)))).ToList(), thresholds);

    public static ReplayResult Replay(MotionNightCapture capture, DetectorThresholds thresholds, Action<NightRecorder>? observe = null) =>
        CaptureReplay.Run(capture.Notifications(), NightCalendar.ForZone(MotionNight.TimeZoneId), thresholds, recorder =>
        {
            recorder.WornOnChest = true; // a Polar H10
            observe?.Invoke(recorder);
        });

    private static MotionNightScore[] Replay(IReadOnlyList<(MotionNight Night, MotionNightCapture Capture)> runs, DetectorThresholds thresholds)
    {
        var scores = new MotionNightScore[runs.Count];
        Parallel.For(0, runs.Count, i =>
        {
            var result = Replay(runs[i].Capture, thresholds);
            scores[i] = MotionNightScore.Of(runs[i].Night, runs[i].Capture.Cramps, result.Awakenings);
        });
        return scores;
    }

    /// <summary>`motion`: the quiet nights one by one, then the cramp runs of both models.</summary>
    public static int Run(DetectorThresholds thresholds, TextWriter output)
    {
        var nights = Load();
        var quiet = Quiet(nights, thresholds);
        output.WriteLine("| night | hours | awakenings (actigraphy) | prompts | asked | would sound |");
        output.WriteLine("|---|---|---|---|---|---|");
        foreach (var s in quiet)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {s.Id} | {s.HoursInPeriod:0.0} | {s.Awakenings} | {s.Prompts} | {s.Asked} | {s.WouldSound} |"));
        }

        output.WriteLine(Summary("quiet", quiet));
        foreach (var model in Enum.GetValues<MotionCrampModel>())
        {
            output.WriteLine(Summary($"cramps ({model})", WithCramps(nights, thresholds, model)));
        }

        return 0;
    }

    public static string Summary(string name, IReadOnlyList<MotionNightScore> scores)
    {
        var n = scores.Count;
        var latencies = scores.SelectMany(s => s.LatenciesSeconds).Order().ToList();
        var cramps = scores.Sum(s => s.Cramps);
        var text = FormattableString.Invariant(
            $"{name}: {n} nights; per night prompts {scores.Sum(s => s.Prompts) / (double)n:0.00}, asked {scores.Sum(s => s.Asked) / (double)n:0.00}, ") +
            FormattableString.Invariant($"would sound {scores.Sum(s => s.WouldSound) / (double)n:0.00}, max prompts {scores.Max(s => s.Prompts)}");
        if (cramps > 0)
        {
            text += FormattableString.Invariant(
                $"; cramps asked {scores.Sum(s => s.CrampsAsked)}/{cramps} = {scores.Sum(s => s.CrampsAsked) / (double)cramps:0.000}, found {scores.Sum(s => s.CrampsFound) / (double)cramps:0.000}, sounded {scores.Sum(s => s.CrampsSounded) / (double)cramps:0.000}, ") +
                FormattableString.Invariant($"latency median {Percentile(latencies, 0.5):0} s p95 {Percentile(latencies, 0.95):0} s");
        }

        return text;
    }

    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
