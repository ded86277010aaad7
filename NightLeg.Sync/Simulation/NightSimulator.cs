using NightLeg.Domain.Samples;
using NightLeg.Sync.Ble;
using NightLeg.Sync.Capture;
using NightLeg.Sync.Gatt;
using NightLeg.Sync.Gatt.HeartRate;
using static NightLeg.Sync.Simulation.PhysiologyModel;

namespace NightLeg.Sync.Simulation;

/// <summary>
/// A synthetic night as the exact notifications a wearable would send: a real hypnogram, the
/// physiology of <see cref="PhysiologyModel"/> on top, cramp awakenings inserted, encoded byte for
/// byte as a chest strap, a PineTime or a Polar H10 would (the movement bytes by the family's
/// <see cref="SimulatedMotion"/>). Deterministic for its options. The
/// notifications are produced lazily, in time order, in bounded memory besides the per-second plan.
/// </summary>
public sealed class NightSimulator
{
    private readonly SimulationOptions _options;
    private readonly NightPlan _plan;
    private readonly int _seed;

    /// <summary>Plans the night (cheap); bytes are made when <see cref="Notifications"/> is enumerated.</summary>
    public NightSimulator(SimulationOptions options)
    {
        _options = options;
        _seed = options.Seed;
        _plan = NightPlan.Build(options, new Random(StreamSeed(options.Seed, 1)));
    }

    /// <summary>What really happened.</summary>
    public GroundTruth Truth => _plan.Truth;

    /// <summary>The capture header for this night.</summary>
    public CaptureHeader Header => CaptureHeader.Create(_options.Device.AdvertisedName, _options.TimeZoneId,
    [
        new("simulated", $"{_options.Device.Name}, seed {_options.Seed}, hypnogram {_options.Hypnogram.Id}, {_plan.Truth.CrampAwakenings.Count} cramp(s)"),
        .. _options.Device.Motion?.HeaderNotes ?? [],
    ]);

    /// <summary>The night's notifications in time order.</summary>
    public IEnumerable<GattNotification> Notifications()
    {
        var random = new Random(StreamSeed(_seed, 2));
        var queue = new PriorityQueue<GattNotification, (long Ms, long Seq)>();
        long sequence = 0;
        var start = _options.Start;
        void Emit(double atSeconds, Guid uuid, byte[] payload)
        {
            var at = start.AddMilliseconds(Math.Floor(atSeconds * 1000));
            queue.Enqueue(new GattNotification(at, uuid, payload), (at.ToUnixTimeMilliseconds(), sequence++));
        }

        Emit(0.05, GattUuids.BatteryLevel, [(byte)random.Next(40, 101)]);
        var heart = new HeartModel(_plan, random);
        var device = _options.Device;
        var motion = new MotionModel(_plan, random, device.Wrist);
        var movement = device.Motion?.Start(start, random, Emit);

        var wrist = device.Heart == HeartSignal.OpticalPeriodic ? new WristReadings(random) : null;
        int? lastPpg = null;
        Func<double, (double X, double Y, double Z)> acceleration = t =>
        {
            var g = motion.Sample(t);
            return (g.X, g.Y, g.Z);
        };
        for (var s = 0; s < _plan.Seconds; s++)
        {
            heart.Advance(s);
            switch (device.Heart)
            {
                case HeartSignal.StrapWithRr:
                {
                    var at = s + 0.5 + ((random.NextDouble() - 0.5) * 0.06);
                    Emit(at, GattUuids.HeartRateMeasurement, heart.StrapPayload());
                    break;
                }

                case HeartSignal.OpticalEverySecond:
                {
                    Emit(s + 0.5 + ((random.NextDouble() - 0.5) * 0.06), GattUuids.HeartRateMeasurement, HeartRateMeasurementEncoder.Encode(heart.OpticalBpm(), SensorContact.Unsupported, null, []));
                    break;
                }

                case HeartSignal.OpticalOnChange:
                {
                    var ppg = heart.OpticalBpm();
                    if (ppg != lastPpg)
                    {
                        Emit(s + 0.5, GattUuids.HeartRateMeasurement, HeartRateMeasurementEncoder.Encode(ppg, SensorContact.Unsupported, null, []));
                        lastPpg = ppg;
                    }

                    break;
                }

                case HeartSignal.OpticalPeriodic:
                {
                    while (wrist!.Next < s + 1)
                    {
                        if (wrist.Reading && !_plan.HeartRateDropout[s])
                        {
                            Emit(wrist.Next, GattUuids.HeartRateMeasurement, HeartRateMeasurementEncoder.Encode(heart.OpticalBpm(), SensorContact.Unsupported, null, []));
                        }

                        wrist.Advance(random);
                    }

                    break;
                }
            }

            if (movement is not null)
            {
                motion.BeginSecond(s);
                movement.Second(s, acceleration, random, Emit);
            }

            while (queue.TryPeek(out _, out var key) && key.Ms < start.AddSeconds(s).ToUnixTimeMilliseconds())
            {
                yield return queue.Dequeue();
            }
        }

        while (queue.Count > 0)
        {
            yield return queue.Dequeue();
        }
    }

    /// <summary>Writes the night to a capture.</summary>
    public long WriteCapture(CaptureWriter writer)
    {
        foreach (var notification in Notifications())
        {
            writer.Write(notification);
        }

        return writer.Records;
    }

    /// <summary>A fixed mix of the seed and a stream number (HashCode is randomised per process, so it cannot be used).</summary>
    private static int StreamSeed(int seed, int stream) => unchecked((int)(((uint)seed * 2654435761u) ^ ((uint)stream * 40503u)));

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>Heart rate second by second, beats and RR intervals, and what the sensors report.</summary>
    private sealed class HeartModel(NightPlan plan, Random random)
    {
        private readonly List<ushort> _pendingRr = [];
        private double _heartRate = plan.BaselineBpm + plan.WakeOffsetBpm;
        private double _wander;
        private double _smoothed = plan.BaselineBpm + plan.WakeOffsetBpm;
        private double _nextBeat = 60.0 / (plan.BaselineBpm + plan.WakeOffsetBpm);
        private int _second;

        public double Instantaneous => _heartRate + _wander + plan.HeartRateSurge[_second];

        public void Advance(int s)
        {
            _second = s;
            var baseline = plan.BaselineBpm + (plan.NightlyDeclineBpm * (0.5 - (s / (double)plan.Seconds)));
            var offset = plan.Stage[s] switch
            {
                SleepStage.Wake => plan.WakeOffsetBpm,
                SleepStage.N1 => N1OffsetBpm,
                SleepStage.N3 => N3OffsetBpm,
                SleepStage.Rem => RemOffsetBpm,
                _ => 0,
            };
            var target = baseline + (float.IsNaN(plan.HeartRateOverride[s]) ? offset : plan.HeartRateOverride[s]) + plan.HeartRateExtra[s];
            _heartRate += (target - _heartRate) * (1 - Math.Exp(-1 / plan.HeartRateTau[s]));
            var phi = Math.Exp(-1 / WanderTauSeconds);
            _wander = (_wander * phi) + (WanderSdBpm * Math.Sqrt(1 - (phi * phi)) * Gaussian(random));
            _smoothed += (Instantaneous - _smoothed) * 0.35;

            // Beats in this second, each RR from the instantaneous rate with breathing and beat noise.
            while (_nextBeat < s + 1)
            {
                var rsa = 1 + (RsaFraction * Math.Sin(2 * Math.PI * BreathingHz * _nextBeat));
                var rrSeconds = Math.Max(0.25, (60.0 / Instantaneous * rsa) + (RrNoiseMs / 1000 * Gaussian(random)));
                _nextBeat += rrSeconds;
                _pendingRr.Add(HeartRateMeasurementEncoder.RrRawFromMs(rrSeconds * 1000));
            }
        }

        /// <summary>A chest strap's notification: smoothed bpm, contact, the RR intervals since the last one.</summary>
        public byte[] StrapPayload()
        {
            if (plan.HeartRateDropout[_second])
            {
                _pendingRr.Clear();
                return HeartRateMeasurementEncoder.Encode(0, SensorContact.NotDetected, null, []);
            }

            var rr = _pendingRr.ToArray();
            _pendingRr.Clear();
            return HeartRateMeasurementEncoder.Encode((int)Math.Round(_smoothed), SensorContact.Detected, null, rr);
        }

        /// <summary>What InfiniTime's optical sensor reports: a slower average with a little noise, 0 in a drop-out.</summary>
        public int OpticalBpm()
        {
            _pendingRr.Clear();
            return plan.HeartRateDropout[_second] ? 0 : (int)Math.Round(_smoothed + (0.6 * Gaussian(random)));
        }
    }

    /// <summary>
    /// When a smartwatch reads the optical heart rate overnight: about every 5 s (half of the
    /// intervals are 5 s, one in seven 6 s, the rest spread over 1–10 s), and now and then a gap of
    /// 15 s to 15 minutes with no reading (the real nights: ≈3 gaps over 30 s a night).
    /// </summary>
    private sealed class WristReadings(Random random)
    {
        public double Next { get; private set; } = 1 + random.NextDouble() * 5;

        /// <summary>False while in a gap (the instant is skipped).</summary>
        public bool Reading { get; private set; } = true;

        public void Advance(Random r)
        {
            var u = r.NextDouble();
            var interval = u < WristIntervalFiveShare ? 5 : u < WristIntervalFiveShare + WristIntervalSixShare ? 6 : r.Next(1, 11);
            Reading = r.NextDouble() >= WristGapsPerReading;
            Next += Reading ? interval + ((r.NextDouble() - 0.5) * 0.02) : Math.Exp(Math.Log(WristGapMinSeconds) + (r.NextDouble() * Math.Log(WristGapMaxSeconds / WristGapMinSeconds)));
        }
    }

    /// <summary>Acceleration at any instant: posture (gravity), movement, walking, breathing, sensor noise.</summary>
    private sealed class MotionModel(NightPlan plan, Random random, bool wrist)
    {
        private readonly double[] _frequency = new double[3];
        private readonly double[] _phase = new double[3];
        private readonly double[] _weight = new double[3];
        private readonly double _noise = wrist ? InfiniTimeNoiseG : PolarNoiseG;
        private readonly double _breathing = wrist ? WristBreathingG : ChestBreathingG;
        private int _second;

        public void BeginSecond(int s)
        {
            _second = s;
            var norm = 0.0;
            for (var i = 0; i < 3; i++)
            {
                _frequency[i] = 1 + (random.NextDouble() * 3);
                _phase[i] = random.NextDouble() * 2 * Math.PI;
                _weight[i] = random.NextDouble() + 0.2;
                norm += _weight[i] * _weight[i];
            }

            for (var i = 0; i < 3; i++)
            {
                _weight[i] /= Math.Sqrt(norm);
            }
        }

        public Vec Sample(double t)
        {
            var up = plan.Posture[Math.Min(_second, plan.Seconds - 1)];
            var a = plan.Dynamic[_second];
            var dynamic = new Vec(
                a * _weight[0] * Math.Sin((2 * Math.PI * _frequency[0] * t) + _phase[0]),
                a * _weight[1] * Math.Sin((2 * Math.PI * _frequency[1] * t) + _phase[1]),
                a * _weight[2] * Math.Sin((2 * Math.PI * _frequency[2] * t) + _phase[2]));
            var walking = plan.Walking[_second] ? (up * (0.25 * Math.Sin(2 * Math.PI * 1.8 * t))) + new Vec(0.1 * Math.Sin(2 * Math.PI * 0.9 * t), 0, 0) : default;
            var breathing = new Vec(0, 0, _breathing * Math.Sin(2 * Math.PI * BreathingHz * t));
            var noise = new Vec(_noise * Gaussian(random), _noise * Gaussian(random), _noise * Gaussian(random));
            return up + dynamic + walking + breathing + noise;
        }
    }
}
