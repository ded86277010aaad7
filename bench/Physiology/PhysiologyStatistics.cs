using System.Globalization;
using NightLeg.Sync.Simulation;

namespace NightLeg.Bench.Physiology;

/// <summary>
/// What a physiology model must reproduce, measured the same way on real and synthetic nights:
/// the 5-s heart-rate rise above the 10-minute baseline in each stage, surges in sleep, heart rate
/// in wake bouts against before them, stage levels, reading gaps, and how much sleepers differ.
/// </summary>
public sealed class PhysiologyStatistics
{
    /// <summary>A surge is a run of seconds with the rise at or above this (bpm).</summary>
    public const double SurgeBpm = 10;

    public static readonly double[] Quantiles = [0.5, 0.9, 0.95, 0.99, 0.999];

    public static readonly SleepStage[] SleepStages = [SleepStage.N1, SleepStage.N2, SleepStage.N3, SleepStage.Rem];

    private PhysiologyStatistics()
    {
    }

    public int Nights { get; private init; }

    /// <summary>Sorted rises (bpm) per stage, after sleep onset; Wake = wake after sleep onset.</summary>
    public Dictionary<SleepStage, double[]> Rises { get; } = [];

    /// <summary>Hours of each stage after sleep onset (with a rise value).</summary>
    public Dictionary<SleepStage, double> Hours { get; } = [];

    /// <summary>Surges (peak bpm, seconds) starting in each sleep stage, away from wake bouts.</summary>
    public Dictionary<SleepStage, List<(double Peak, int Seconds)>> Surges { get; } = [];

    /// <summary>Wake bouts after sleep onset: length (min), median rise over the 10 min before, peak rise in the first minute.</summary>
    public List<(double Minutes, double MedianRise, double PeakRise)> WakeBouts { get; } = [];

    /// <summary>Median heart rate in each stage minus the night's N2 median, one value per night.</summary>
    public Dictionary<SleepStage, List<double>> StageOffsets { get; } = [];

    public List<double> ReadingIntervals { get; } = [];

    public int GapsOver30 { get; private set; }

    public int GapsOver60 { get; private set; }

    /// <summary>Per night: the 99.9th percentile of the rise while asleep (how high this sleeper's surges go).</summary>
    public List<double> SleeperSurgeLevels { get; } = [];

    public static PhysiologyStatistics Measure(IReadOnlyList<NightSeries> nights)
    {
        var stats = new PhysiologyStatistics { Nights = nights.Count };
        var rises = new Dictionary<SleepStage, List<double>>();
        foreach (var night in nights)
        {
            stats.MeasureNight(night, rises);
        }

        foreach (var (stage, list) in rises)
        {
            list.Sort();
            stats.Rises[stage] = [.. list];
        }

        return stats;
    }

    private void MeasureNight(NightSeries night, Dictionary<SleepStage, List<double>> rises)
    {
        var truth = night.Truth;
        var onset = night.IndexOf(truth.SleepOnset);
        var end = Math.Min(night.Rise.Length, night.IndexOf(truth.End));
        var windows = truth.WakeBouts.Select(b => (From: night.IndexOf(b.Onset) - 30, To: night.IndexOf(b.End) + 60)).ToList();
        bool NearWake(int i) => windows.Any(w => i >= w.From && i <= w.To);

        var asleep = new List<double>();
        var levels = new Dictionary<SleepStage, List<double>>();
        (int Start, double Peak)? surge = null;
        for (var i = Math.Max(0, onset); i < end; i++)
        {
            var stage = truth.StageAt(night.At(i));
            if (night.HeartRate[i] is { } hr && stage is { } st)
            {
                (levels.TryGetValue(st, out var l) ? l : levels[st] = []).Add(hr);
            }

            if (night.Rise[i] is not { } rise || stage is not { } s)
            {
                surge = null;
                continue;
            }

            (rises.TryGetValue(s, out var list) ? list : rises[s] = []).Add(rise);
            Hours[s] = Hours.GetValueOrDefault(s) + (1 / 3600.0);
            if (s != SleepStage.Wake)
            {
                asleep.Add(rise);
            }

            if (rise >= SurgeBpm)
            {
                surge = surge is { } open ? (open.Start, Math.Max(open.Peak, rise)) : (i, rise);
            }
            else if (surge is { } closed)
            {
                var startStage = truth.StageAt(night.At(closed.Start));
                if (startStage is { } ss && ss != SleepStage.Wake && !NearWake(closed.Start))
                {
                    (Surges.TryGetValue(ss, out var sl) ? sl : Surges[ss] = []).Add((closed.Peak, i - closed.Start));
                }

                surge = null;
            }
        }

        if (asleep.Count > 0)
        {
            asleep.Sort();
            SleeperSurgeLevels.Add(Percentile(asleep, 0.999));
        }

        if (levels.TryGetValue(SleepStage.N2, out var n2) && n2.Count > 0)
        {
            var n2Median = Median(n2);
            foreach (var (stage, values) in levels)
            {
                if (stage != SleepStage.N2 && values.Count >= 300)
                {
                    (StageOffsets.TryGetValue(stage, out var o) ? o : StageOffsets[stage] = []).Add(Median(values) - n2Median);
                }
            }
        }

        foreach (var bout in truth.WakeBouts)
        {
            var from = night.IndexOf(bout.Onset);
            var to = Math.Min(night.IndexOf(bout.End), night.HeartRate.Length);
            if (bout.Onset <= truth.SleepOnset || bout.End >= truth.End || bout.Kind is "final" or "cramp" || to - from < 30 || from < 660)
            {
                continue;
            }

            var before = Values(night, from - 600, from - 30);
            var inside = Values(night, from, to);
            var firstMinute = Values(night, from, Math.Min(to, from + 60)).Concat(Values(night, to, Math.Min(night.HeartRate.Length, to + 15))).ToList();
            if (before.Count < 120 || inside.Count < 10 || firstMinute.Count == 0)
            {
                continue;
            }

            var reference = Median(before);
            WakeBouts.Add(((to - from) / 60.0, Median(inside) - reference, firstMinute.Max() - reference));
        }

        ReadingIntervals.AddRange(night.ReadingIntervalsSeconds);
        GapsOver30 += night.ReadingIntervalsSeconds.Count(x => x > 30);
        GapsOver60 += night.ReadingIntervalsSeconds.Count(x => x > 60);
    }

    private static List<double> Values(NightSeries night, int from, int to)
    {
        var list = new List<double>();
        for (var i = Math.Max(0, from); i < Math.Min(to, night.HeartRate.Length); i++)
        {
            if (night.HeartRate[i] is { } v)
            {
                list.Add(v);
            }
        }

        return list;
    }

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>Share of values at or above <paramref name="x"/>.</summary>
    public static double Exceeding(double[] sorted, double x)
    {
        var index = Array.BinarySearch(sorted, x - 1e-9);
        index = index < 0 ? ~index : index;
        while (index > 0 && sorted[index - 1] >= x)
        {
            index--;
        }

        return sorted.Length == 0 ? double.NaN : (sorted.Length - index) / (double)sorted.Length;
    }

    /// <summary>The statistics as rows of (name, formatted value).</summary>
    public IReadOnlyList<(string Name, string Value)> Rows()
    {
        var c = CultureInfo.InvariantCulture;
        var rows = new List<(string, string)>();
        foreach (var stage in (SleepStage[])[SleepStage.N2, SleepStage.N3, SleepStage.Rem, SleepStage.N1, SleepStage.Wake])
        {
            var sorted = Rises.GetValueOrDefault(stage) ?? [];
            rows.Add(($"rise above baseline in {Name(stage)}: p50 / p90 / p95 / p99 / p99.9 (bpm)",
                string.Join(" / ", Quantiles.Select(q => Percentile(sorted, q).ToString("0", c)))));
        }

        foreach (var stage in SleepStages)
        {
            var surges = Surges.GetValueOrDefault(stage) ?? [];
            var hours = Hours.GetValueOrDefault(stage);
            var peaks = surges.Select(s => s.Peak).Order().ToList();
            var lengths = surges.Select(s => (double)s.Seconds).Order().ToList();
            rows.Add(($"surges ≥ +{SurgeBpm:0} bpm in {Name(stage)}: per hour; peak p50 / p90; length p50 / p90",
                string.Create(c, $"{(hours > 0 ? surges.Count / hours : double.NaN):0.0}; +{Percentile(peaks, 0.5):0} / +{Percentile(peaks, 0.9):0} bpm; {Percentile(lengths, 0.5):0} / {Percentile(lengths, 0.9):0} s")));
        }

        foreach (var (label, min, max) in new[] { ("< 2 min", 0.0, 2.0), ("≥ 2 min", 2.0, double.MaxValue) })
        {
            var bouts = WakeBouts.Where(b => b.Minutes >= min && b.Minutes < max).ToList();
            rows.Add(($"wake bouts {label}: heart rate in the bout / peak in its first minute, above the 10 min before (median bpm; bouts)",
                string.Create(c, $"+{Median(bouts.Select(b => b.MedianRise).ToList()):0.0} / +{Median(bouts.Select(b => b.PeakRise).ToList()):0} ({bouts.Count})")));
        }

        foreach (var stage in (SleepStage[])[SleepStage.N1, SleepStage.N3, SleepStage.Rem, SleepStage.Wake])
        {
            var offsets = StageOffsets.GetValueOrDefault(stage) ?? [];
            rows.Add(($"median heart rate in {Name(stage)} minus N2 (median of nights, bpm)", string.Create(c, $"{Median(offsets):+0.0;-0.0}")));
        }

        var sortedLevels = SleeperSurgeLevels.Order().ToList();
        rows.Add(("a sleeper's surge level (p99.9 of the rise asleep): median, p10–p90 of nights (bpm)",
            string.Create(c, $"{Percentile(sortedLevels, 0.5):0}, {Percentile(sortedLevels, 0.1):0}–{Percentile(sortedLevels, 0.9):0}")));
        var intervals = ReadingIntervals.Order().ToList();
        rows.Add(("seconds between readings: p50 / p90 / p99", string.Create(c, $"{Percentile(intervals, 0.5):0.0} / {Percentile(intervals, 0.9):0.0} / {Percentile(intervals, 0.99):0.0}")));
        rows.Add(("reading gaps > 30 s / > 60 s per night", string.Create(c, $"{GapsOver30 / (double)Nights:0.0} / {GapsOver60 / (double)Nights:0.0}")));
        return rows;
    }

    public static string Name(SleepStage stage) => stage switch
    {
        SleepStage.Wake => "wake",
        SleepStage.Rem => "REM",
        _ => stage.ToString(),
    };
}
