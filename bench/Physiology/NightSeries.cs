using NightLeg.Domain.Nights;
using NightLeg.Evaluation;
using NightLeg.Sync.Ble;
using NightLeg.Sync.Gatt;
using NightLeg.Sync.Replay;

namespace NightLeg.Bench.Physiology;

/// <summary>
/// One night as the detector sees its heart rate: one value per second (from the same decoders,
/// aggregator and hold as a live night), the rise above the sleeping baseline, and the truth.
/// </summary>
public sealed class NightSeries
{
    /// <summary>Seconds of heart rate in the 5-s median (the detector's).</summary>
    public const int MedianSeconds = 5;

    /// <summary>The baseline: median of 10 minutes, lagged 60 s (the detector's).</summary>
    public const int BaselineSeconds = 600, BaselineLagSeconds = 60;

    private NightSeries(LabelledNight truth, DateTimeOffset start, double?[] heartRate, List<double> readingIntervals)
    {
        Truth = truth;
        Start = start;
        HeartRate = heartRate;
        ReadingIntervalsSeconds = readingIntervals;
        Rise = ComputeRise(heartRate);
    }

    public LabelledNight Truth { get; }

    public DateTimeOffset Start { get; }

    /// <summary>Heart rate per second from <see cref="Start"/>, bpm; null where there was none.</summary>
    public double?[] HeartRate { get; }

    /// <summary>5-s median minus the lagged 10-min median, bpm; null until there is a baseline.</summary>
    public double?[] Rise { get; }

    /// <summary>Seconds between consecutive heart-rate notifications.</summary>
    public IReadOnlyList<double> ReadingIntervalsSeconds { get; }

    public DateTimeOffset At(int second) => Start.AddSeconds(second);

    public int IndexOf(DateTimeOffset instant) => (int)Math.Floor((instant - Start).TotalSeconds);

    /// <summary>Replays <paramref name="notifications"/> through the live path and keeps each second's heart rate.</summary>
    public static NightSeries From(IEnumerable<GattNotification> notifications, LabelledNight truth)
    {
        var seconds = new List<(long Second, double? Hr)>();
        var intervals = new List<double>();
        DateTimeOffset? lastReading = null;
        IEnumerable<GattNotification> Watch()
        {
            foreach (var n in notifications)
            {
                if (n.Characteristic == GattUuids.HeartRateMeasurement)
                {
                    if (lastReading is { } last)
                    {
                        intervals.Add((n.ReceivedAt - last).TotalSeconds);
                    }

                    lastReading = n.ReceivedAt;
                }

                yield return n;
            }
        }

        CaptureReplay.Run(Watch(), NightCalendar.ForZone("UTC"), Domain.Detection.Sensitivity.Normal,
            recorder => recorder.EpochCompleted += e => seconds.Add((e.Start.ToUnixTimeSeconds(), e.HeartRateBpm)));
        var first = seconds.Count > 0 ? seconds[0].Second : truth.Start.ToUnixTimeSeconds();
        var length = seconds.Count > 0 ? (int)(seconds[^1].Second - first + 1) : 0;
        var hr = new double?[length];
        foreach (var (second, value) in seconds)
        {
            hr[second - first] = value;
        }

        return new NightSeries(truth, DateTimeOffset.FromUnixTimeSeconds(first), hr, intervals);
    }

    private static double?[] ComputeRise(double?[] hr)
    {
        var rise = new double?[hr.Length];
        var baseline = new WindowMedian();
        var window = new double[MedianSeconds];
        for (var i = 0; i < hr.Length; i++)
        {
            var entering = i - BaselineLagSeconds;
            if (entering >= 0 && hr[entering] is { } e)
            {
                baseline.Add(e);
            }

            var leaving = i - BaselineLagSeconds - BaselineSeconds;
            if (leaving >= 0 && hr[leaving] is { } l)
            {
                baseline.Remove(l);
            }

            var n = 0;
            for (var k = Math.Max(0, i - MedianSeconds + 1); k <= i; k++)
            {
                if (hr[k] is { } v)
                {
                    window[n++] = v;
                }
            }

            if (n >= 3 && baseline.Count >= 120)
            {
                Array.Sort(window, 0, n);
                var median = n % 2 == 1 ? window[n / 2] : (window[(n / 2) - 1] + window[n / 2]) / 2;
                rise[i] = median - baseline.Median();
            }
        }

        return rise;
    }

    /// <summary>Median over a sliding set of whole-bpm values (a 1-bpm histogram).</summary>
    private sealed class WindowMedian
    {
        private readonly int[] _bins = new int[256];

        public int Count { get; private set; }

        public void Add(double bpm)
        {
            _bins[Bin(bpm)]++;
            Count++;
        }

        public void Remove(double bpm)
        {
            _bins[Bin(bpm)]--;
            Count--;
        }

        public double Median()
        {
            var target = (Count + 1) / 2;
            var seen = 0;
            for (var b = 0; b < _bins.Length; b++)
            {
                seen += _bins[b];
                if (seen >= target)
                {
                    return b;
                }
            }

            return 255;
        }

        private static int Bin(double bpm) => Math.Clamp((int)Math.Round(bpm), 0, 255);
    }
}
