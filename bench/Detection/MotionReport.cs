using System.Globalization;
using NightLeg.Domain.Detection;
using NightLeg.Evaluation;

namespace NightLeg.Bench.Detection;

/// <summary>
/// The real-movement part of docs/benchmarks.md: the motion nights (quiet and with cramps laid on), the
/// prompt-against-latency trade-off, synthetic cramps on real heart rate alone, and learning from the
/// morning answers — each against this round's targets and what the detector did before it.
/// </summary>
public static class MotionReport
{
    /// <summary>
    /// The detector before this round (commit 377eef9), measured at the start of it on the same 10 motion
    /// nights through the same reader and scoring. Kept as measured: that detector no longer exists in the code.
    /// </summary>
    private const string BeforeQuiet = "7.10 / 2.60 / 6.90, at most 14 prompts in a night";

    private const string BeforeScript = "0.780 (found 0.780), 16 s / 28 s";

    /// <summary>The bout sizes the trade-off sweeps (active seconds a bout must reach to prompt).</summary>
    private static readonly int[] BoutSizes = [10, 12, 14, 16, 20, 25, 30];

    public static void Write(TextWriter body, (int Nights, int Max) realHeartRateOnly, double realFalsePerNight, double realAskPerNight)
    {
        var c = CultureInfo.InvariantCulture;
        var nights = MotionNightBenchmark.Load();
        var normal = DetectorThresholds.Normal;
        var quiet = MotionNightBenchmark.Quiet(nights, normal);
        var script = MotionNightBenchmark.WithCramps(nights, normal, MotionCrampModel.Script);
        var ours = MotionNightBenchmark.WithCramps(nights, normal, MotionCrampModel.Ours);
        var covered = Covered(nights, MotionCrampModel.Script);

        body.WriteLine();
        body.WriteLine("""
            ### Real nights with real movement: data/motion-nights

            `data/motion-nights/` (a copy of `../shared/data/motion-nights/`; MMASH, Rossi et al. 2020, PhysioNet): 10 healthy young men,
            one night each, per-second ActiGraph activity on the wrist and a Polar H7's beats, read by NightLeg's own reader
            (`MotionNight`) and turned into what a Polar H10 would send by the mapping `to_capture.py` documents
            (`MotionNightCapture`: 3 mg of movement per activity count, a possible turn after a bout of ≥ 150 counts; the
            seconds the dataset lacks — a 6–10 s gap about every half minute, and a few long ones — send nothing). No per-epoch
            labels: nobody here had a cramp, so every event between sleep onset and getting up that the morning asks about is a
            question he did not need, and every one that would sound is a sound in his bedroom. Each night is replayed as
            `nightleg replay` does, as a first night.

            | night | hours in bed after sleep onset | awakenings (actigraphy) | prompts (silent) | asked in the morning | would sound (sound on) |
            |---|---|---|---|---|---|
            """);
        foreach (var s in quiet)
        {
            body.WriteLine(string.Create(c, $"| {s.Id} | {s.HoursInPeriod:0.0} | {s.Awakenings} | {s.Prompts} | {s.Asked} | {s.WouldSound} |"));
        }

        double PerNight(IReadOnlyList<MotionNightScore> s, Func<MotionNightScore, int> f) => s.Sum(f) / (double)s.Count;
        body.WriteLine(string.Create(c, $"| **per night** | | {PerNight(quiet, s => s.Awakenings):0.0} | **{PerNight(quiet, s => s.Prompts):0.00}** | **{PerNight(quiet, s => s.Asked):0.00}** | **{PerNight(quiet, s => s.WouldSound):0.00}** |"));
        body.WriteLine();
        body.WriteLine(string.Create(c, $"""
            Synthetic cramps laid on these real nights ({MotionNightBenchmark.CrampsPerNight} a night, ≥ 60 min apart, {MotionNightBenchmark.CrampSeeds} seeds = {script.Count} nights
            per model), in the sleep period: **to_capture.py's cramp** (heart rate +12–28 bpm reached in 5–20 s and held 2.5–8 min;
            the leg worked in 50–90 % of seconds at 10–80 counts — the cramp the dataset's README measures with) and **ours** (the
            [physiology model](physiology-model.md)'s: +10–25 bpm within 5–15 s, the leg worked in 70–90 % of 20–240 s, four in
            ten stand up, a chest strap sees the sleeper sit up; then 3–10 minutes lying awake). A cramp the dataset has no
            second of (a long gap) cannot be found by anything; "of those with data" leaves them out.

            | cramp model | cramps | asked in the morning (found) | of those with data | would sound | latency median / p95 | other prompts / asked / would sound per night |
            |---|---|---|---|---|---|---|
            """));
        foreach (var (name, scores, withData) in new[] { ("to_capture.py's", script, covered), ("ours", ours, Covered(nights, MotionCrampModel.Ours)) })
        {
            var cramps = scores.Sum(s => s.Cramps);
            var lat = scores.SelectMany(s => s.LatenciesSeconds).Order().ToList();
            body.WriteLine(string.Create(c,
                $"| {name} | {cramps} | {scores.Sum(s => s.CrampsAsked)} = **{scores.Sum(s => s.CrampsAsked) / (double)cramps:0.000}** ({scores.Sum(s => s.CrampsFound) / (double)cramps:0.000}) | {scores.Sum(s => s.CrampsAsked) / (double)withData:0.000} of {withData} | {scores.Sum(s => s.CrampsSounded) / (double)cramps:0.00} | {MotionNightBenchmark.Percentile(lat, 0.5):0} s / {MotionNightBenchmark.Percentile(lat, 0.95):0} s | {PerNight(scores, s => s.Prompts):0.00} / {PerNight(scores, s => s.Asked):0.00} / {PerNight(scores, s => s.WouldSound):0.00} |"));
        }

        WriteTradeOff(body, nights);
        var heart = HeartRateCramps.Run(normal);
        WriteHeartRate(body, heart);
        var weeks = Enumerable.Range(0, 8).AsParallel().AsOrdered().Select(i => LearningWeeks.Run(3000 + i)).ToList();
        WriteLearning(body, weeks);

        // Targets of this round.
        var quietAsked = PerNight(quiet, s => s.Asked);
        var quietSound = PerNight(quiet, s => s.WouldSound);
        var quietPrompts = PerNight(quiet, s => s.Prompts);
        var scriptCramps = script.Sum(s => s.Cramps);
        var scriptAsked = script.Sum(s => s.CrampsAsked) / (double)scriptCramps;
        var scriptLat = script.SelectMany(s => s.LatenciesSeconds).Order().ToList();
        var (median, p95) = (MotionNightBenchmark.Percentile(scriptLat, 0.5), MotionNightBenchmark.Percentile(scriptLat, 0.95));
        string Met(bool ok) => ok ? "met" : "**not met**";
        body.WriteLine();
        body.WriteLine("### Targets of the real-movement round (Normal)");
        body.WriteLine();
        body.WriteLine("| target | before | now | |");
        body.WriteLine("|---|---|---|---|");
        body.WriteLine(string.Create(c, $"| motion nights: ≤ 0.5 events asked per night | 2.60 | {quietAsked:0.00} | {Met(quietAsked <= 0.5)} |"));
        body.WriteLine(string.Create(c, $"| motion nights: ≤ 0.2 that would sound per night | 6.90 | {quietSound:0.00} | {Met(quietSound <= 0.2)} |"));
        body.WriteLine(string.Create(c, $"| motion nights: ≤ 1.5 prompts per night (sleep onset to getting up) | 7.10 | {quietPrompts:0.00} (silent) | {Met(quietPrompts <= 1.5)} — see the trade-off above |"));
        body.WriteLine(string.Create(c, $"| cramps on motion nights: asked ≥ 0.9 | 0.780 | {scriptAsked:0.000} ({script.Sum(s => s.CrampsAsked) / (double)covered:0.000} of those with data) | {Met(scriptAsked >= 0.9)} (met of those with data: {Met(script.Sum(s => s.CrampsAsked) / (double)covered >= 0.9)}) |"));
        body.WriteLine(string.Create(c, $"| cramps on motion nights: latency median ≤ 20 s, p95 ≤ 45 s | 16 s / 28 s | {median:0} s / {p95:0} s | {Met(median <= 20)} / {Met(p95 <= 45)} |"));
        body.WriteLine(string.Create(c, $"| real heart-rate nights: ≤ 1.0 false prompt, ≤ 0.8 asked per night | 0.75 / 0.81 | {realFalsePerNight:0.00} / {realAskPerNight:0.00} | {Met(realFalsePerNight <= 1.0 && realAskPerNight <= 0.8)} |"));
        body.WriteLine(string.Create(c, $"| real heart-rate nights: no night over 4 prompts | – | {realHeartRateOnly.Max} | {Met(realHeartRateOnly.Max <= 4)} |"));
        foreach (var h in heart)
        {
            var ofData = h.FoundWithData / (double)h.WithData;
            var all = h.Found / (double)h.Cramps;
            body.WriteLine(h.WithData == h.Cramps
                ? string.Create(c, $"| synthetic cramps on real heart rate ({h.Set}): found ≥ 0.85 | – | {all:0.000} | {Met(all >= 0.85)} |")
                : string.Create(c, $"| synthetic cramps on real heart rate ({h.Set}): found ≥ 0.85 | – | {all:0.000} ({ofData:0.000} of those with data) | {Met(all >= 0.85)} (of those with data: {Met(ofData >= 0.85)}) |"));
        }

        body.WriteLine(string.Create(c, $"| a week dismissed: ≤ half the questions the next week | – | {weeks.Sum(w => w.SecondWeekQuestions)} against {weeks.Sum(w => w.SecondWeekQuestionsUntaught)} untaught ({weeks.Sum(w => w.FirstWeekQuestions)} in week one) | {Met(weeks.Sum(w => w.SecondWeekQuestions) * 2 <= weeks.Sum(w => w.SecondWeekQuestionsUntaught))} against the untaught week; {Met(weeks.Sum(w => w.SecondWeekQuestions) * 2 <= weeks.Sum(w => w.FirstWeekQuestions))} against week one |"));
        body.WriteLine();
        body.WriteLine(string.Create(c, $"Before: the quiet nights gave prompts / asked / would sound per night {BeforeQuiet}; to_capture.py's cramps {BeforeScript} (asked, latency median / p95)."));
    }

    /// <summary>Cramps of <paramref name="model"/> laid on the nights whose first two minutes the dataset covers at least half.</summary>
    private static int Covered(IReadOnlyList<MotionNight> nights, MotionCrampModel model) =>
        nights.Sum(n => Enumerable.Range(1, MotionNightBenchmark.CrampSeeds).Sum(seed =>
            new MotionNightCapture(n, MotionNightBenchmark.CrampsPerNight, model, seed).Cramps.Count(c =>
            {
                var from = (int)(c.Onset - n.Start).TotalSeconds;
                return Enumerable.Range(from, 120).Count(i => i < n.Counts.Count && n.Counts[i] is not null) >= 60;
            })));

    private static void WriteTradeOff(TextWriter body, IReadOnlyList<MotionNight> nights)
    {
        var c = CultureInfo.InvariantCulture;
        body.WriteLine();
        body.WriteLine("""
            #### Prompts against latency with movement

            What a cramp's first half-minute looks like, real sleep does too: 89 % of the real bouts of movement come with a
            heart-rate surge (+25 bpm median), and the nights hold several bouts a night with 15–30 active seconds in their
            first half-minute (docs/physiology-model.md). Only persistence tells them apart — a cramp goes on, an arousal is
            over within a minute — and waiting costs latency. The active seconds a bout must reach to prompt, swept (every
            other threshold Normal, learning within the night on):

            | bout must reach | prompts per night (silent) | asked | would sound | to_capture.py's cramps asked | latency median / p95 |
            |---|---|---|---|---|---|
            """);
        foreach (var size in BoutSizes)
        {
            var t = DetectorThresholds.Normal with { BoutActiveSeconds = size };
            var quiet = MotionNightBenchmark.Quiet(nights, t);
            var cramps = MotionNightBenchmark.WithCramps(nights, t, MotionCrampModel.Script);
            var lat = cramps.SelectMany(s => s.LatenciesSeconds).Order().ToList();
            var mark = size == DetectorThresholds.Normal.BoutActiveSeconds ? "**" : "";
            body.WriteLine(string.Create(c,
                $"| {mark}{size} active s{mark} | {quiet.Sum(s => s.Prompts) / (double)quiet.Count:0.00} | {quiet.Sum(s => s.Asked) / (double)quiet.Count:0.00} | {quiet.Sum(s => s.WouldSound) / (double)quiet.Count:0.00} | {cramps.Sum(s => s.CrampsAsked) / (double)cramps.Sum(s => s.Cramps):0.000} | {MotionNightBenchmark.Percentile(lat, 0.5):0} s / {MotionNightBenchmark.Percentile(lat, 0.95):0} s |"));
        }

        body.WriteLine();
        body.WriteLine("""
            No setting has both ≤ 1.5 prompts a night and a latency median ≤ 20 s: the bout size that brings the silent prompts
            down to 1.5 (≈ 30 active seconds) decides a cramp after ≈ 40 s. Normal takes 14: a cramp is prompted for within ≈ 25 s
            (p95 within the 45-s target), and what a prompt costs a sleeper who is not in pain is kept small instead — it
            appears silently, never sounds (sound waits for distress a minute and a half on), and is not asked about in the
            morning unless what followed looked like a cramp. Every prompt tonight that turns out not to be one makes the
            next need a quarter more movement (up to twice), which is what brings the most restless night from 14 prompts to 5.
            """);
    }

    private static void WriteHeartRate(TextWriter body, IReadOnlyList<HeartRateCramps.Result> results)
    {
        var c = CultureInfo.InvariantCulture;
        body.WriteLine();
        body.WriteLine(string.Create(c, $"""
            #### Synthetic cramps on real heart rate alone

            to_capture.py's cramp (its heart-rate part only: +12–28 bpm in 5–20 s, held 2.5–8 min) laid on real heart rate with
            no movement, {HeartRateCramps.CrampsPerNight} a night, {HeartRateCramps.Seeds} seeds: the 16 real watch nights, and the motion nights' chest-strap
            beats without their movement (a strap without motion on healthy young men's sleep, the dataset's gaps included).

            A cramp is "with data" when the recording has heart rate for at least half of the ten minutes before it and of its
            first two minutes; the chest strap's long gaps leave some without.

            | set | runs | cramps | found | of those with data | asked | latency median / p95 |
            |---|---|---|---|---|---|---|
            """));
        foreach (var r in results)
        {
            body.WriteLine(string.Create(c,
                $"| {r.Set} | {r.Nights} | {r.Cramps} | {r.Found} = **{r.Found / (double)r.Cramps:0.000}** | {r.FoundWithData} of {r.WithData} = {r.FoundWithData / (double)r.WithData:0.000} | {r.Asked} | {MotionNightBenchmark.Percentile(r.Latencies, 0.5):0} s / {MotionNightBenchmark.Percentile(r.Latencies, 0.95):0} s |"));
        }
    }

    private static void WriteLearning(TextWriter body, IReadOnlyList<LearningWeeks.Result> weeks)
    {
        var c = CultureInfo.InvariantCulture;
        body.WriteLine();
        body.WriteLine("""
            #### Learning from the morning

            Eight synthetic sleepers (Polar H10, seeds 3000–3007), two weeks each, a different real hypnogram every night, each
            night starting from what the nights and answers before it taught (`LearningWeeks`): in week one they have no cramp
            and dismiss every question; week two is measured with those answers, and without them (the heart-rate profile
            learned all the same); a third run of week two has one cramp a night.

            | sleeper | questions in week one | week two, after the answers | week two, without them | cramps found / asked (week two) |
            |---|---|---|---|---|
            """);
        for (var i = 0; i < weeks.Count; i++)
        {
            var w = weeks[i];
            body.WriteLine(string.Create(c, $"| {3000 + i} | {w.FirstWeekQuestions} | {w.SecondWeekQuestions} | {w.SecondWeekQuestionsUntaught} | {w.CrampsFound}/{w.Cramps} / {w.CrampsAsked} |"));
        }

        body.WriteLine(string.Create(c,
            $"| **all** | **{weeks.Sum(w => w.FirstWeekQuestions)}** | **{weeks.Sum(w => w.SecondWeekQuestions)}** | **{weeks.Sum(w => w.SecondWeekQuestionsUntaught)}** | {weeks.Sum(w => w.CrampsFound)}/{weeks.Sum(w => w.Cramps)} / {weeks.Sum(w => w.CrampsAsked)} |"));
        body.WriteLine();
        var taught = weeks.Sum(w => w.SecondWeekQuestions);
        var untaught = weeks.Sum(w => w.SecondWeekQuestionsUntaught);
        body.WriteLine(string.Create(c, $"""
            The answers take {100.0 * (untaught - taught) / untaught:0} % of the second week's questions away (against the same week untaught) — just short
            of half — and {weeks.Sum(w => w.CrampsFound)} of {weeks.Sum(w => w.Cramps)} cramps are still found.
            They take less away against week one: the synthetic sleepers' dismissed awakenings include
            restless lying awake and short trips out of bed whose leg work and heart look just like a cramp's, and an
            awakening like a confirmed cramp — or, before any is confirmed, one that does not look like two dismissed ones —
            is still asked about. Learning more aggressively reaches half but loses the cramps: with one similar dismissal
            enough (`SleeperLearning.FamiliarAfter` = 1, measured with this benchmark on 2 Dec 2026) the same eight sleepers
            are asked 38 times in week one and 19 in week two (65 untaught), but only 23 of week two's 56 cramps are asked
            about (43 with 2) — this sleeper's diary would lose half its cramps, so NightLeg stops at 2.
            """));
    }
}
