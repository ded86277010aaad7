using System.Buffers.Binary;
using NightLeg.Domain.Samples;
using NightLeg.Sync.Ble;
using NightLeg.Sync.Devices.Polar;
using NightLeg.Sync.Gatt;
using NightLeg.Sync.Gatt.HeartRate;
using NightLeg.Sync.Simulation;
using static NightLeg.Sync.Simulation.PhysiologyModel;

namespace NightLeg.Evaluation;

/// <summary>
/// A <see cref="MotionNight"/> as the notifications a Polar H10 would have sent — the mapping
/// data/motion-nights/README.md documents and its to_capture.py implements: a Heart Rate Measurement
/// once a second with that second's beats (RR in 1/1024 s), and a PMD ACC frame of 25 samples (16-bit,
/// mg) once a second. Acceleration = 1 g of gravity in the current lying orientation plus, per axis,
/// Gaussian movement with SD = 2 mg + 3 mg per activity count; after a movement of ≥ 150 counts the
/// body may have turned. Seconds the dataset lacks send nothing. Optionally with synthetic cramps laid
/// on (<see cref="MotionCrampModel"/>). Deterministic for its seed.
/// </summary>
public sealed class MotionNightCapture
{
    /// <summary>Movement SD per activity count, mg (ActiGraph: 1 count ≈ 1.66 mg of band-passed |a| per 0.1 s; ×1.25 SD against mean; ×1.5 for what the band leaves out).</summary>
    public const double MgPerCount = 3;

    /// <summary>Accelerometer noise per axis, mg.</summary>
    public const double NoiseMg = 2;

    /// <summary>A movement of at least this many counts (vector, summed over its run) may have turned the body.</summary>
    public const double TurnCounts = 150;

    private const int SamplesPerSecond = 25;
    private const double TurnChance = 0.6;
    private static readonly (int X, int Y, int Z)[] Lying = [(0, 0, 1000), (0, 0, -1000), (1000, 0, 0), (-1000, 0, 0)];
    private static readonly (int X, int Y, int Z) SittingUp = (0, 940, 341);
    private static readonly (int X, int Y, int Z) Standing = (0, 1000, 0);
    private static readonly DateTimeOffset PolarEpoch = PmdAccFrame.Epoch;

    private readonly MotionNight _night;
    private readonly int _seed;
    private readonly float[] _extraBpm;
    private readonly float[] _crampMg;
    private readonly (int X, int Y, int Z)?[] _posture;
    private readonly bool[] _crampBeats;

    /// <summary>Lays <paramref name="cramps"/> cramps of <paramref name="model"/> on <paramref name="night"/> (none for 0).</summary>
    public MotionNightCapture(MotionNight night, int cramps = 0, MotionCrampModel model = MotionCrampModel.Ours, int seed = 1)
    {
        _night = night;
        _seed = seed;
        var seconds = night.Counts.Count;
        _extraBpm = new float[seconds];
        _crampMg = new float[seconds];
        _posture = new (int, int, int)?[seconds];
        _crampBeats = new bool[seconds];
        var random = new Random(unchecked((seed * 7919) + SubjectNumber(night.Id)));
        Cramps = Place(cramps, model, random);
    }

    /// <summary>The cramps laid on, in time order: onset, end of the cramp and of the awakening that followed, and the rise.</summary>
    public IReadOnlyList<CrampAwakening> Cramps { get; }

    /// <summary>The capture header's device name: a Polar H10, so a replay knows it is worn on the chest.</summary>
    public string DeviceName => $"Polar H10 MMASH{_night.Id.Replace("user_", "", StringComparison.Ordinal)}";

    /// <summary>The night's notifications in time order.</summary>
    public IEnumerable<GattNotification> Notifications()
    {
        var random = new Random(unchecked((_seed * 104729) + SubjectNumber(_night.Id)));
        var start = _night.Start;
        yield return new GattNotification(start.AddMilliseconds(-900), GattUuids.PolarPmdControlPoint,
            PmdSettingsEncoder.Response(PmdCommands.GetSettingsOpcode, PmdMeasurementType.Acc, 0, PmdSettingsEncoder.Offer([25, 50, 100, 200], [16], [2, 4, 8], [3])));
        yield return new GattNotification(start.AddMilliseconds(-800), GattUuids.PolarPmdControlPoint,
            PmdSettingsEncoder.Response(PmdCommands.StartOpcode, PmdMeasurementType.Acc, 0));

        var orientation = Lying[0];
        var run = 0.0;
        var samples = new List<(int X, int Y, int Z)>(SamplesPerSecond);
        for (var s = 0; s < _night.Counts.Count; s++)
        {
            var at = start.AddSeconds(s);
            if (Beats(s) is { Count: > 0 } rrs)
            {
                var bpm = (int)Math.Clamp(Math.Round(60 / rrs.Average()), 1, 255);
                var raw = rrs.Select(rr => HeartRateMeasurementEncoder.RrRawFromMs(rr * 1000)).ToArray();
                yield return new GattNotification(at.AddMilliseconds(300), GattUuids.HeartRateMeasurement,
                    HeartRateMeasurementEncoder.Encode(bpm, SensorContact.Detected, null, raw));
            }

            if (_night.Counts[s] is not { } counts)
            {
                continue;
            }

            var sd = (X: NoiseMg + (MgPerCount * counts.X), Y: NoiseMg + (MgPerCount * counts.Y), Z: NoiseMg + (MgPerCount * counts.Z));
            if (_crampMg[s] > 0)
            {
                sd = (Math.Max(sd.X, _crampMg[s]), Math.Max(sd.Y, _crampMg[s]), Math.Max(sd.Z, _crampMg[s]));
            }

            var vector = Math.Sqrt(Square((sd.X - NoiseMg) / MgPerCount) + Square((sd.Y - NoiseMg) / MgPerCount) + Square((sd.Z - NoiseMg) / MgPerCount));
            if (vector > 0.5)
            {
                run += vector;
            }
            else
            {
                if (run >= TurnCounts && random.NextDouble() < TurnChance)
                {
                    var current = orientation;
                    var others = Lying.Where(o => o != current).ToArray();
                    orientation = others[random.Next(others.Length)];
                }

                run = 0;
            }

            var gravity = _posture[s] ?? orientation;
            samples.Clear();
            for (var k = 0; k < SamplesPerSecond; k++)
            {
                samples.Add(((int)Math.Round(gravity.X + (sd.X * Gaussian(random))), (int)Math.Round(gravity.Y + (sd.Y * Gaussian(random))),
                    (int)Math.Round(gravity.Z + (sd.Z * Gaussian(random)))));
            }

            var lastSampleNs = (ulong)(((at.AddSeconds(1) - PolarEpoch).TotalSeconds * 1e9) - 40e6);
            yield return new GattNotification(at.AddMilliseconds(700), GattUuids.PolarPmdData, PmdDataFrameEncoder.EncodeRawInt16(lastSampleNs, samples));
        }
    }

    /// <summary>The second's beats, re-timed for a cramp's heart rate (and, inside one, as many beats as the faster rate gives).</summary>
    private List<double>? Beats(int s)
    {
        if (_night.Beats[s] is not { Count: > 0 } beats)
        {
            return null;
        }

        var extra = _extraBpm[s];
        var rrs = beats.Select(rr => extra > 0 ? 60 / ((60 / rr) + extra) : rr).ToList();
        if (_crampBeats[s])
        {
            var wanted = Math.Max(rrs.Count, (int)Math.Round(1.0 / rrs.Average()));
            var source = rrs.ToArray();
            for (var i = 0; rrs.Count < wanted; i++)
            {
                rrs.Add(source[i % source.Length]);
            }
        }

        return rrs;
    }

    private List<CrampAwakening> Place(int count, MotionCrampModel model, Random random)
    {
        var onset = (int)(_night.SleepOnset - _night.Start).TotalSeconds;
        var outOfBed = (int)(_night.OutOfBed - _night.Start).TotalSeconds;
        var lo = onset + 1800;
        var hi = outOfBed - 1800 - 480;
        var placed = new List<int>();
        for (var tries = 0; placed.Count < count && tries < 1000 && hi > lo; tries++)
        {
            var at = lo + random.Next(hi - lo);
            if (placed.All(p => Math.Abs(p - at) >= 3600))
            {
                placed.Add(at);
            }
        }

        placed.Sort();
        return placed.Select(at => model == MotionCrampModel.Script ? LayScript(at, random) : LayOurs(at, random)).ToList();
    }

    /// <summary>to_capture.py's cramp: linear rise, hold, exponential easing; movement at 10–80 counts per axis.</summary>
    private CrampAwakening LayScript(int at, Random random)
    {
        var length = Uniform(random, 150, 480);
        var rise = Uniform(random, 12, 28);
        var riseSeconds = Uniform(random, 5, 20);
        var decay = Uniform(random, 60, 180);
        var moving = Uniform(random, 0.5, 0.9);
        for (var t = at; t < _extraBpm.Length && t < at + length + 600; t++)
        {
            var since = t - at;
            _extraBpm[t] += (float)(since < riseSeconds ? rise * since / riseSeconds : since < length ? rise : rise * Math.Exp(-(since - length) / decay));
            _crampBeats[t] = true;
            if (since < length && random.NextDouble() < moving)
            {
                _crampMg[t] = (float)(NoiseMg + (MgPerCount * Uniform(random, 10, 80)));
            }
        }

        var start = _night.Start;
        return new CrampAwakening(start.AddSeconds(at), start.AddSeconds(at + length), start.AddSeconds(at + length), rise, false, false);
    }

    /// <summary>Our cramp (<see cref="PhysiologyModel"/>): sits up, works the leg, may stand, then lies awake while the heart eases back.</summary>
    private CrampAwakening LayOurs(int at, Random random)
    {
        var length = (int)Uniform(random, CrampMinSeconds, CrampMaxSeconds);
        var recovery = (int)Uniform(random, RecoveryMinSeconds, RecoveryMaxSeconds);
        var rise = Uniform(random, CrampRiseMinBpm, CrampRiseMaxBpm);
        var tau = Uniform(random, CrampRiseTauMin, CrampRiseTauMax);
        var moving = Uniform(random, CrampMovingMin, CrampMovingMax);
        var standFrom = random.NextDouble() < CrampStandShare ? at + 2 + random.Next(3, 10) : int.MaxValue;
        var standLength = (int)Math.Min(length, Uniform(random, 30, 120));
        var wakeOffset = Uniform(random, WakeOffsetMinBpm, WakeOffsetMaxBpm);
        var level = 0.0;
        var end = Math.Min(_extraBpm.Length, at + length + recovery + 300);
        for (var t = at; t < end; t++)
        {
            var since = t - at;
            var standing = t >= standFrom && t < standFrom + standLength;
            var target = since < length ? rise + (standing ? 5 : 0)
                : since < length + recovery ? Math.Max(wakeOffset, wakeOffset + ((rise - wakeOffset) * Math.Exp(-(since - length) / 90.0)))
                : 0;
            var followTau = since < length ? tau : since < length + recovery ? 20 : 60;
            level += (target - level) * (1 - Math.Exp(-1 / followTau));
            _extraBpm[t] += (float)level;
            _crampBeats[t] = since < length + recovery;
            if (since < length)
            {
                _posture[t] = standing ? Standing : SittingUp;
                if (since < 2 || random.NextDouble() < moving)
                {
                    _crampMg[t] = (float)(1000 * Uniform(random, CrampMoveMinG, CrampMoveMaxG) / Math.Sqrt(6));
                }
            }
            else if (since < length + recovery && random.NextDouble() < MoveBoutsPerHourAwake / 3600)
            {
                // Lying awake after it: bouts of movement at the awake rate, as the simulator lays them.
                var bout = (int)Math.Clamp(Math.Round(MoveBoutActiveMedianSeconds * Math.Exp(MoveBoutActiveSpread * Gaussian(random))), 1, 60);
                var amplitude = Uniform(random, MoveMinG, MoveMaxG);
                for (var k = 0; k < bout && t + k < end; k++)
                {
                    _crampMg[t + k] = (float)(1000 * amplitude / Math.Sqrt(6));
                }
            }
        }

        var start = _night.Start;
        return new CrampAwakening(start.AddSeconds(at), start.AddSeconds(at + length), start.AddSeconds(at + length + recovery), rise, standFrom != int.MaxValue, false);
    }

    /// <summary>The subject's number (user_12 → 12), a seed that is the same in every process (string hashes are not).</summary>
    private static int SubjectNumber(string id) => int.TryParse(id.AsSpan(id.LastIndexOf('_') + 1), out var n) ? n : id.Length;

    private static double Square(double x) => x * x;

    private static double Uniform(Random random, double min, double max) => min + (random.NextDouble() * (max - min));

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
