using System.Globalization;
using NightLeg.Domain.Detection;
using NightLeg.Domain.Samples;

namespace NightLeg.Bench.Physiology;

/// <summary>
/// How the body moves in bed after sleep onset, measured the same way on real and synthetic nights:
/// bouts of movement as the detector sees them (<see cref="MovementBout"/>: tolerant of missing
/// seconds), how large and long they are, how often the heart surges with them, and the stillness
/// between them. The table of docs/physiology-model.md's movement section.
/// </summary>
public sealed class MovementStatistics
{
    /// <summary>A bout comes with a heart-rate surge when the rise reaches this (bpm) within <see cref="SurgeWindowSeconds"/> of its start.</summary>
    public const double SurgeBpm = 10;

    /// <summary>Seconds from a bout's start within which its heart-rate surge must come (from 10 s before).</summary>
    public const int SurgeWindowSeconds = 30;

    private readonly List<int> _boutActive = [];
    private readonly List<int> _boutLength = [];
    private readonly List<double> _movementG = [];
    private readonly List<double> _surgePeaks = [];
    private readonly List<double> _stillMinutes = [];
    private int _boutsWithHeart;
    private double _hours;
    private double _dataSeconds;
    private double _seconds;
    private double _stillLongSeconds;

    public int Nights { get; private set; }

    /// <summary>Every bout's active seconds.</summary>
    public IReadOnlyList<int> BoutActiveSeconds => _boutActive;

    /// <summary>Every stretch of stillness between bouts, minutes.</summary>
    public IReadOnlyList<double> StillMinutes => _stillMinutes;

    /// <summary>One night: its seconds (from the first, in order, one per second; gaps allowed) between <paramref name="from"/> and <paramref name="to"/> (sleep onset and getting up).</summary>
    public void Add(IReadOnlyList<SecondEpoch> epochs, DateTimeOffset from, DateTimeOffset to)
    {
        Nights++;
        var first = from.ToUnixTimeSeconds();
        var last = to.ToUnixTimeSeconds();
        var byIndex = new SecondEpoch?[last - first];
        foreach (var e in epochs)
        {
            var i = e.Start.ToUnixTimeSeconds() - first;
            if (i >= 0 && i < byIndex.Length)
            {
                byIndex[i] = e;
            }
        }

        var rise = Rise(byIndex);
        var bout = new MovementBout();
        long stillSince = first;
        _hours += byIndex.Length / 3600.0;
        _seconds += byIndex.Length;
        for (var i = 0; i < byIndex.Length; i++)
        {
            var second = first + i;
            var movement = byIndex[i]?.MovementG;
            var active = movement >= DetectorConstants.ActiveMovementG;
            if (movement is not null)
            {
                _dataSeconds++;
            }

            if (active)
            {
                _movementG.Add(movement!.Value);
                if (!bout.Open)
                {
                    Still(second - stillSince);
                }
            }

            bout.Add(second, movement is not null, active);
            if (bout.JustEnded is { } ended)
            {
                Bout(ended.Start - first, ended.ActiveSeconds, (int)(bout.Previous!.Value.LastActive - ended.Start + 1), rise);
                stillSince = bout.Previous!.Value.LastActive + 1;
            }
        }

        if (bout.Open)
        {
            bout.Close();
            var ended = bout.JustEnded!.Value;
            Bout(ended.Start - first, ended.ActiveSeconds, (int)(bout.Previous!.Value.LastActive - ended.Start + 1), rise);
        }
    }

    private void Bout(long startIndex, int active, int length, double?[] rise)
    {
        _boutActive.Add(active);
        _boutLength.Add(length);
        if (active < 3)
        {
            return;
        }

        double? peak = null;
        for (var i = Math.Max(0, startIndex - 10); i < Math.Min(rise.Length, startIndex + SurgeWindowSeconds); i++)
        {
            if (rise[i] is { } r && (peak is null || r > peak))
            {
                peak = r;
            }
        }

        if (peak >= SurgeBpm)
        {
            _boutsWithHeart++;
            _surgePeaks.Add(peak.Value);
        }
    }

    private void Still(long seconds)
    {
        _stillMinutes.Add(seconds / 60.0);
        if (seconds >= 600)
        {
            _stillLongSeconds += seconds;
        }
    }

    /// <summary>The detector's rise: 5-s median heart rate minus the median of the 10 minutes before the last minute.</summary>
    private static double?[] Rise(SecondEpoch?[] seconds)
    {
        var rise = new double?[seconds.Length];
        var window = new List<double>(5);
        var baseline = new List<double>(600);
        for (var i = 0; i < seconds.Length; i++)
        {
            window.Clear();
            for (var k = Math.Max(0, i - 4); k <= i; k++)
            {
                if (seconds[k]?.HeartRateBpm is { } hr)
                {
                    window.Add(hr);
                }
            }

            if (i % 30 == 0)
            {
                baseline.Clear();
                for (var k = Math.Max(0, i - 660); k < i - 60; k++)
                {
                    if (seconds[k]?.HeartRateBpm is { } hr)
                    {
                        baseline.Add(hr);
                    }
                }

                baseline.Sort();
            }

            if (window.Count >= 3 && baseline.Count >= 120)
            {
                window.Sort();
                rise[i] = window[window.Count / 2] - baseline[baseline.Count / 2];
            }
        }

        return rise;
    }

    public IReadOnlyList<(string Name, string Value)> Rows()
    {
        var c = CultureInfo.InvariantCulture;
        var active = _boutActive.Order().Select(a => (double)a).ToList();
        var length = _boutLength.Order().Select(a => (double)a).ToList();
        var moves = _movementG.Order().ToList();
        var still = _stillMinutes.Order().ToList();
        var peaks = _surgePeaks.Order().ToList();
        var surgeable = _boutActive.Count(a => a >= 3);
        string P(List<double> sorted, string format, params double[] ps) => string.Join(" / ", ps.Select(p => PhysiologyStatistics.Percentile(sorted, p).ToString(format, c)));
        return
        [
            ("seconds with motion data (share of the time in bed after sleep onset)", (_dataSeconds / _seconds).ToString("0.00", c)),
            ("active share of the seconds with data", (_movementG.Count / _dataSeconds).ToString("0.000", c)),
            ("bouts of movement per hour: all / ≥ 5 / ≥ 10 / ≥ 20 active seconds",
                string.Join(" / ", new[] { 1, 5, 10, 20 }.Select(k => (_boutActive.Count(a => a >= k) / _hours).ToString("0.0", c)))),
            ("a bout's active seconds: p50 / p90 / p99", P(active, "0", 0.5, 0.9, 0.99)),
            ("a bout's length, first to last movement (s): p50 / p90 / p99", P(length, "0", 0.5, 0.9, 0.99)),
            ("movement in an active second (g, vector SD): p50 / p90", P(moves, "0.00", 0.5, 0.9)),
            ("bouts (≥ 3 active s) with a heart-rate surge ≥ +10 bpm: share; its peak p50 / p90 (bpm)",
                surgeable == 0 ? "–" : FormattableString.Invariant($"{_boutsWithHeart / (double)surgeable:0.00}; +{PhysiologyStatistics.Percentile(peaks, 0.5):0} / +{PhysiologyStatistics.Percentile(peaks, 0.9):0}")),
            ("stillness between bouts (min): p50 / p90; share of the time in stretches ≥ 10 min",
                FormattableString.Invariant($"{P(still, "0.0", 0.5, 0.9)}; {_stillLongSeconds / _seconds:0.00}")),
        ];
    }
}
