using NightLeg.Domain.Detection;
using NightLeg.Domain.Nights;
using NightLeg.Evaluation;
using NightLeg.Sync.Ble;
using NightLeg.Sync.Capture;
using NightLeg.Sync.Gatt;
using NightLeg.Sync.Gatt.HeartRate;
using NightLeg.Sync.Replay;

namespace NightLeg.Bench.Detection;

/// <summary>
/// Synthetic cramps laid on real heart rate alone: the 16 real watch nights, and the motion nights'
/// chest-strap beats without their movement (a strap with heart rate only). The cramp is
/// to_capture.py's heart-rate part (+12–28 bpm reached in 5–20 s, held 150–480 s, easing with
/// τ 60–180 s), ≥ 60 min apart, from 30 min after sleep onset to 30 min before the end. Each
/// reported bpm (and each RR interval) is re-timed for the cramp's rate.
/// </summary>
public static class HeartRateCramps
{
    public const int CrampsPerNight = 2, Seeds = 3;

    /// <summary>What one set gave. <paramref name="WithData"/> and <paramref name="FoundWithData"/> count only the cramps
    /// the recording covers: heart rate in at least half the seconds of the ten minutes before (the baseline) and of
    /// the first two minutes (a second is covered when a reading came within the 10 s before it).</summary>
    public sealed record Result(string Set, int Nights, int Cramps, int Found, int Asked, IReadOnlyList<double> Latencies, int WithData, int FoundWithData);

    public static IReadOnlyList<Result> Run(DetectorThresholds thresholds)
    {
        var real = RealNightBenchmark.Load();
        var motion = MotionNightBenchmark.Load();
        var watchRuns = new List<(Func<NightInput> Night, int Seed)>();
        var strapRuns = new List<(Func<NightInput> Night, int Seed)>();
        for (var seed = 1; seed <= Seeds; seed++)
        {
            foreach (var n in real)
            {
                watchRuns.Add((() =>
                {
                    using var reader = CaptureReader.Open(n.CapturePath);
                    return new NightInput(reader.ReadAll().ToList(), n.Truth.SleepOnset, n.Truth.End, reader.Header.TimeZone ?? "Europe/Oslo");
                }, seed));
            }

            foreach (var n in motion)
            {
                strapRuns.Add((() => new NightInput(new MotionNightCapture(n).Notifications().Where(x => x.Characteristic == GattUuids.HeartRateMeasurement).ToList(),
                    n.SleepOnset, n.OutOfBed, MotionNight.TimeZoneId), seed));
            }
        }

        var watch = Score("real watch nights", watchRuns, thresholds);
        var strap = Score("motion nights' chest strap, heart rate only", strapRuns, thresholds);
        return [watch, strap];
    }

    private sealed record NightInput(IReadOnlyList<GattNotification> Notifications, DateTimeOffset Onset, DateTimeOffset End, string Zone);

    private static Result Score(string name, IReadOnlyList<(Func<NightInput> Night, int Seed)> runs, DetectorThresholds thresholds)
    {
        var results = new (int Cramps, int Found, int Asked, List<double> Latencies, int WithData, int FoundWithData)[runs.Count];
        Parallel.For(0, runs.Count, i =>
        {
            var (notifications, onset, end, zone) = runs[i].Night();
            var random = new Random(runs[i].Seed * 7919 + i);
            var cramps = Place(onset, end, random);
            var laid = notifications.Select(n => n.Characteristic == GattUuids.HeartRateMeasurement ? Lay(n, cramps) : n);
            var replay = CaptureReplay.Run(laid, NightCalendar.ForZone(zone), thresholds);
            var found = 0;
            var asked = 0;
            var withData = 0;
            var foundWithData = 0;
            var latencies = new List<double>();
            var readings = notifications.Where(n => n.Characteristic == GattUuids.HeartRateMeasurement).Select(n => n.ReceivedAt).ToList();
            foreach (var c in cramps)
            {
                var covered = Covered(readings, c.Onset.AddSeconds(-600), 600) >= 0.5 && Covered(readings, c.Onset, 120) >= 0.5;
                withData += covered ? 1 : 0;
                var hit = replay.Awakenings.FirstOrDefault(a => a.Awakening.DetectedAt >= c.Onset.AddSeconds(-30) && a.Awakening.DetectedAt <= c.Onset.AddSeconds(c.Length + 60));
                if (hit is not null)
                {
                    found++;
                    foundWithData += covered ? 1 : 0;
                    asked += hit.Review == ReviewKind.Ask ? 1 : 0;
                    latencies.Add((hit.Awakening.DetectedAt - c.Onset).TotalSeconds);
                }
            }

            results[i] = (cramps.Count, found, asked, latencies, withData, foundWithData);
        });

        return new Result(name, runs.Count, results.Sum(r => r.Cramps), results.Sum(r => r.Found), results.Sum(r => r.Asked), results.SelectMany(r => r.Latencies).Order().ToList(),
            results.Sum(r => r.WithData), results.Sum(r => r.FoundWithData));
    }

    /// <summary>The share of the <paramref name="seconds"/> seconds from <paramref name="from"/> that had a reading within the 10 s before.</summary>
    private static double Covered(List<DateTimeOffset> readings, DateTimeOffset from, int seconds)
    {
        var start = readings.BinarySearch(from.AddSeconds(-10));
        var index = start < 0 ? ~start : start;
        var covered = 0;
        for (var s = 0; s < seconds; s++)
        {
            var at = from.AddSeconds(s);
            while (index < readings.Count && readings[index] <= at)
            {
                index++;
            }

            covered += index > 0 && (at - readings[index - 1]).TotalSeconds <= 10 ? 1 : 0;
        }

        return covered / (double)seconds;
    }

    private sealed record Cramp(DateTimeOffset Onset, double Length, double Rise, double RiseSeconds, double Decay)
    {
        public double ExtraBpm(DateTimeOffset at)
        {
            var since = (at - Onset).TotalSeconds;
            return since < 0 ? 0 : since < RiseSeconds ? Rise * since / RiseSeconds : since < Length ? Rise : Rise * Math.Exp(-(since - Length) / Decay);
        }
    }

    private static List<Cramp> Place(DateTimeOffset onset, DateTimeOffset end, Random random)
    {
        var lo = onset.AddMinutes(30);
        var span = (end.AddMinutes(-30).AddSeconds(-480) - lo).TotalSeconds;
        var cramps = new List<Cramp>();
        for (var tries = 0; cramps.Count < CrampsPerNight && tries < 1000 && span > 0; tries++)
        {
            var at = lo.AddSeconds(random.NextDouble() * span);
            if (cramps.All(c => Math.Abs((c.Onset - at).TotalSeconds) >= 3600))
            {
                cramps.Add(new Cramp(at, 150 + (random.NextDouble() * 330), 12 + (random.NextDouble() * 16), 5 + (random.NextDouble() * 15), 60 + (random.NextDouble() * 120)));
            }
        }

        return [.. cramps.OrderBy(c => c.Onset)];
    }

    private static GattNotification Lay(GattNotification n, List<Cramp> cramps)
    {
        var extra = cramps.Sum(c => c.ExtraBpm(n.ReceivedAt));
        if (extra <= 0 || HeartRateMeasurementDecoder.Decode(n.Payload.Span) is not { Value: { HeartRateBpm: > 0 } m })
        {
            return n;
        }

        var rr = m.RrIntervalsMs.Select(ms => HeartRateMeasurementEncoder.RrRawFromMs(60000 / ((60000 / ms) + extra))).ToArray();
        return n with { Payload = HeartRateMeasurementEncoder.Encode((int)Math.Round(m.HeartRateBpm + extra), m.Contact, m.EnergyExpendedKJ, rr) };
    }
}
