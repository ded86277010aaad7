using static NightLeg.Sync.Simulation.PhysiologyModel;

namespace NightLeg.Sync.Simulation;

/// <summary>
/// The night laid out second by second before any byte is produced: sleep stage, heart-rate target
/// adjustments, movement and posture, drop-outs; plus the ground truth. Built from a hypnogram,
/// the options and one seeded random source, so it is reproducible. About 40 bytes per second of
/// night (≈1.2 MB for 8 h).
/// </summary>
internal sealed partial class NightPlan
{
    private static readonly Vec Supine = new(0, 0, 1);
    private static readonly Vec Prone = new(0, 0, -1);
    private static readonly Vec LeftSide = new(1, 0, 0);
    private static readonly Vec RightSide = new(-1, 0, 0);
    private static readonly Vec SittingUp = new Vec(0, 0.94, 0.34).Normalized();
    private static readonly Vec Upright = new(0, 1, 0);

    private readonly Random _random;
    private readonly bool _wrist;
    private readonly bool _opticalDropouts;

    private NightPlan(int seconds, Random random, bool wrist, bool opticalDropouts)
    {
        Seconds = seconds;
        _random = random;
        _wrist = wrist;
        _opticalDropouts = opticalDropouts;
        Stage = new SleepStage[seconds];
        HeartRateExtra = new float[seconds];
        HeartRateSurge = new float[seconds];
        HeartRateOverride = new float[seconds];
        HeartRateTau = new float[seconds];
        Dynamic = new float[seconds];
        Walking = new bool[seconds];
        Posture = new Vec[seconds];
        HeartRateDropout = new bool[seconds];
        Array.Fill(HeartRateOverride, float.NaN);
        Array.Fill(HeartRateTau, (float)HeartRateTauSeconds);
    }

    public int Seconds { get; }

    public SleepStage[] Stage { get; }

    /// <summary>Bpm added to the stage's target, followed with the heart's slow time constant (standing, walking).</summary>
    public float[] HeartRateExtra { get; }

    /// <summary>Bpm added on top of the followed heart rate, shape as laid (surges, turn-over bumps: real surges rise within seconds).</summary>
    public float[] HeartRateSurge { get; }

    /// <summary>Target bpm above baseline that replaces the stage's (cramps); NaN when none.</summary>
    public float[] HeartRateOverride { get; }

    /// <summary>Time constant (s) with which heart rate follows its target.</summary>
    public float[] HeartRateTau { get; }

    /// <summary>Dynamic acceleration amplitude, g.</summary>
    public float[] Dynamic { get; }

    public bool[] Walking { get; }

    /// <summary>Direction of "up" in the device's axes (what a still accelerometer reads).</summary>
    public Vec[] Posture { get; }

    /// <summary>The heart-rate sensor reads nothing (contact lost, optical drop-out).</summary>
    public bool[] HeartRateDropout { get; }

    public double BaselineBpm { get; private set; }

    public double WakeOffsetBpm { get; private set; }

    /// <summary>How far this sleeper's heart rate falls from the first to the last hour, bpm.</summary>
    public double NightlyDeclineBpm { get; private set; }

    /// <summary>This sleeper's surge rate relative to the average sleeper.</summary>
    public double SurgeRateFactor { get; private set; }

    /// <summary>This sleeper's surge size relative to the average sleeper.</summary>
    public double SurgeSizeFactor { get; private set; }

    public GroundTruth Truth { get; private set; } = null!;

    public static NightPlan Build(SimulationOptions options, Random random)
    {
        var stages = Stretch(options.Hypnogram, options.Hours);
        var plan = new NightPlan(stages.Length * Hypnogram.EpochSeconds, random, options.Device.Wrist, options.Device.Heart == HeartSignal.OpticalOnChange)
        {
            BaselineBpm = Uniform(random, BaselineMinBpm, BaselineMaxBpm),
            WakeOffsetBpm = Uniform(random, WakeOffsetMinBpm, WakeOffsetMaxBpm),
            NightlyDeclineBpm = Uniform(random, NightlyDeclineMinBpm, NightlyDeclineMaxBpm),
            SurgeRateFactor = Math.Exp(SleeperRateSpread * Gaussian(random)),
            SurgeSizeFactor = Math.Exp(SleeperSizeSpread * Gaussian(random)),
        };
        for (var s = 0; s < plan.Seconds; s++)
        {
            plan.Stage[s] = stages[s / Hypnogram.EpochSeconds];
        }

        var cramps = plan.PlaceCramps(options.Cramps);
        var bouts = plan.WakeBouts(cramps);
        plan.LayPosturesAndMovements(bouts, cramps);
        plan.LayHeartRateEvents();
        if (options.Device.ContactLosses)
        {
            plan.LayContactLosses(cramps);
        }

        var start = options.Start;
        var onset = Array.FindIndex(plan.Stage, s => s != SleepStage.Wake);
        plan.Truth = new GroundTruth(
            options.Seed,
            options.Device.Name,
            options.Hypnogram.Id,
            start,
            start.AddSeconds(plan.Seconds),
            options.TimeZoneId,
            start.AddSeconds(onset),
            plan.BaselineBpm,
            bouts.Select(b => new WakeBout(start.AddSeconds(b.Start), start.AddSeconds(b.End), b.Kind)).ToList(),
            cramps.Select(c => new CrampAwakening(start.AddSeconds(c.Onset), start.AddSeconds(c.Onset + c.Length), start.AddSeconds(c.Onset + c.Length + c.Recovery),
                c.RiseBpm, c.StandSeconds > 0, c.Dropout)).ToList(),
            Enumerable.Range(0, plan.Seconds / Hypnogram.EpochSeconds).Select(e => plan.Stage[e * Hypnogram.EpochSeconds]).ToList());
        return plan;
    }

    private static SleepStage[] Stretch(Hypnogram hypnogram, double? hours)
    {
        var epochs = hypnogram.Epochs.ToArray();
        if (hours is not { } h)
        {
            return epochs;
        }

        var wanted = Math.Max(1, (int)Math.Round(h * 3600 / Hypnogram.EpochSeconds));
        if (wanted <= epochs.Length)
        {
            return epochs[..wanted];
        }

        // Longer than the real night: repeat its sleep (from onset to the last sleep epoch) before the final wake.
        var first = Array.FindIndex(epochs, e => e != SleepStage.Wake);
        var last = Array.FindLastIndex(epochs, e => e != SleepStage.Wake);
        var result = new List<SleepStage>(epochs[..(last + 1)]);
        var trailing = epochs[(last + 1)..];
        for (var i = first; result.Count < wanted - trailing.Length; i = i == last ? first : i + 1)
        {
            result.Add(epochs[i]);
        }

        result.AddRange(trailing);
        return [.. result.Take(wanted)];
    }

    private List<CrampPlan> PlaceCramps(int count)
    {
        var cramps = new List<CrampPlan>();
        var onset = Array.FindIndex(Stage, s => s != SleepStage.Wake);
        var lastSleep = Array.FindLastIndex(Stage, s => s != SleepStage.Wake);
        for (var attempt = 0; attempt < 400 && cramps.Count < count; attempt++)
        {
            var length = (int)Uniform(_random, CrampMinSeconds, CrampMaxSeconds);
            var recovery = (int)Uniform(_random, RecoveryMinSeconds, RecoveryMaxSeconds);
            var at = _random.Next(onset + 1800, Math.Max(onset + 1801, lastSleep - length - recovery - 120));
            if (at + length + recovery + 120 >= lastSleep || Stage[at] is SleepStage.Wake or SleepStage.N1)
            {
                continue;
            }

            // Out of established sleep: no wake in the ten minutes before, and well apart from other cramps.
            if (Stage.AsSpan(at - 600, 600).Contains(SleepStage.Wake) || cramps.Any(c => Math.Abs(c.Onset - at) < 2700))
            {
                continue;
            }

            var stand = _random.NextDouble() < CrampStandShare ? (int)Math.Min(length, Uniform(_random, 30, 120)) : 0;
            cramps.Add(new CrampPlan(at, length, recovery, Uniform(_random, CrampRiseMinBpm, CrampRiseMaxBpm),
                Uniform(_random, CrampRiseTauMin, CrampRiseTauMax), stand, _opticalDropouts && _random.NextDouble() < PpgDropoutShare));
        }

        cramps.Sort((a, b) => a.Onset.CompareTo(b.Onset));
        foreach (var c in cramps)
        {
            Stage.AsSpan(c.Onset, c.Length + c.Recovery).Fill(SleepStage.Wake);
            Stage.AsSpan(c.Onset + c.Length + c.Recovery, Math.Min(60, Seconds - (c.Onset + c.Length + c.Recovery))).Fill(SleepStage.N1);
        }

        return cramps;
    }

    private List<BoutPlan> WakeBouts(List<CrampPlan> cramps)
    {
        var bouts = new List<BoutPlan>();
        var onset = Array.FindIndex(Stage, s => s != SleepStage.Wake);
        for (var s = 0; s < Seconds;)
        {
            if (Stage[s] != SleepStage.Wake)
            {
                s++;
                continue;
            }

            var end = s;
            while (end < Seconds && Stage[end] == SleepStage.Wake)
            {
                end++;
            }

            var kind = s < onset ? "before-sleep" : cramps.Any(c => c.Onset == s) ? "cramp" : end == Seconds ? "final" : "wake";
            bouts.Add(new BoutPlan(s, end, kind));
            s = end;
        }

        return bouts;
    }

    private void LayPosturesAndMovements(List<BoutPlan> bouts, List<CrampPlan> cramps)
    {
        var posture = _wrist ? Vec.RandomUnit(_random) : Supine;
        var boutIndex = 0;
        for (var s = 0; s < Seconds; s++)
        {
            Posture[s] = posture;
            var bout = boutIndex < bouts.Count && bouts[boutIndex].Start <= s ? bouts[boutIndex++] : null;
            if (bout is not null)
            {
                s = LayWakeBout(bout, cramps.FirstOrDefault(c => c.Onset == bout.Start), ref posture) - 1;
                continue;
            }

            var nextBout = boutIndex < bouts.Count ? bouts[boutIndex].Start : Seconds;

            var perHour = Stage[s] switch
            {
                SleepStage.N1 => MoveBoutsPerHourN1,
                SleepStage.N2 => MoveBoutsPerHourN2,
                SleepStage.N3 => MoveBoutsPerHourN3,
                _ => MoveBoutsPerHourRem,
            };
            if (_random.NextDouble() < perHour / 3600)
            {
                // A bout never runs into the next wake bout (which lays its own movements).
                s = MoveBout(s, nextBout, ref posture) - 1;
            }
        }
    }

    /// <summary>
    /// A bout of movement from <paramref name="start"/> (before <paramref name="limit"/>): a run of movements
    /// with pauses, usually ending in another lying position, usually with an arousal's heart-rate surge.
    /// Returns the second after it.
    /// </summary>
    private int MoveBout(int start, int limit, ref Vec posture)
    {
        var active = (int)Math.Clamp(Math.Round(MoveBoutActiveMedianSeconds * Math.Exp(MoveBoutActiveSpread * Gaussian(_random))), 1, MoveBoutActiveMaxSeconds);
        var share = Uniform(_random, MoveBoutShareMin, MoveBoutShareMax);
        var length = Math.Min(Math.Max(active, (int)Math.Ceiling(active / share)), limit - start);
        if (length <= 0)
        {
            return start;
        }

        var next = _random.NextDouble() < MoveTurnShare ? NewLyingPosture(posture) : posture;
        var amplitude = Uniform(_random, MoveMinG, MoveMaxG);
        for (var t = start; t < start + length; t++)
        {
            Dynamic[t] = t == start || _random.NextDouble() < share ? (float)(amplitude * Uniform(_random, 0.6, 1.4)) : 0;
            Posture[t] = Vec.Lerp(posture, next, (t - start + 1) / (double)length);
        }

        if (start + length < Seconds)
        {
            Posture[start + length] = next;
        }

        if (_random.NextDouble() < MoveSurgeShare)
        {
            var size = Math.Min(SurgeMaxBpm, (MoveSurgeMinBpm + Exponential(MoveSurgeMeanBpm)) * SurgeSizeFactor);
            Bump(Math.Max(0, start - _random.Next(0, 4)), size, _random.Next(3, 7), Math.Max(2, length - 3), _random.Next(10, 21));
        }

        posture = next;
        return start + length;
    }

    /// <summary>Surges in sleep: phasic REM and autonomic arousals, at this sleeper's rate and size (see <see cref="PhysiologyModel"/>).</summary>
    private void LayHeartRateEvents()
    {
        for (var s = 0; s < Seconds; s++)
        {
            var stage = Stage[s];
            var (perHour, meanBpm, holdMean) = stage switch
            {
                SleepStage.N1 => (SurgesPerHourN1, SurgeMeanN1Bpm, SurgeHoldMeanNremSeconds),
                SleepStage.N2 => (SurgesPerHourN2, SurgeMeanNremBpm, SurgeHoldMeanNremSeconds),
                SleepStage.N3 => (SurgesPerHourN3, SurgeMeanNremBpm, SurgeHoldMeanNremSeconds),
                SleepStage.Rem => (SurgesPerHourRem, SurgeMeanRemBpm, SurgeHoldMeanRemSeconds),
                _ => (0.0, 0.0, 0.0),
            };
            if (perHour == 0 || _random.NextDouble() >= perHour * SurgeRateFactor / 3600)
            {
                continue;
            }

            var size = Math.Min(SurgeMaxBpm, (SurgeMinBpm + Exponential(meanBpm)) * SurgeSizeFactor);
            var hold = (int)(SurgeHoldMinSeconds + Exponential(holdMean));
            Bump(s, size, _random.Next(3, 7), hold, _random.Next(8, 21));
        }
    }

    /// <summary>The surge at waking from an ordinary wake bout (bigger for longer bouts).</summary>
    private void LayWakeSurge(BoutPlan bout)
    {
        var length = bout.End - bout.Start;
        var size = Math.Min(SurgeMaxBpm, (WakeSurgeMinBpm + Exponential(length >= 120 ? WakeSurgeMeanLongBpm : WakeSurgeMeanShortBpm)) * SurgeSizeFactor);
        // The rise can start before the scored awakening (Bonnet & Arand 1997; Sicbaldi 2025): up to 20 s early.
        Bump(Math.Max(0, bout.Start - _random.Next(0, 21)), size, _random.Next(3, 7), Math.Max(2, Math.Min(length - 10, (int)(2 + Exponential(6)))), _random.Next(10, 21));
    }

    private double Exponential(double mean) => -mean * Math.Log(1 - _random.NextDouble());

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private void LayContactLosses(List<CrampPlan> cramps)
    {
        var count = _random.NextDouble() < 0.37 ? 0 : _random.NextDouble() < 0.6 ? 1 : 2; // ≈ Poisson(1)
        for (var i = 0; i < count; i++)
        {
            var at = _random.Next(0, Math.Max(1, Seconds - 60));
            var length = _random.Next(10, 61);
            if (cramps.Any(c => at < c.Onset + c.Length + c.Recovery && c.Onset < at + length))
            {
                continue;
            }

            HeartRateDropout.AsSpan(at, Math.Min(length, Seconds - at)).Fill(true);
        }
    }

    /// <summary>A movement from <paramref name="from"/> to <paramref name="to"/> over <paramref name="length"/> s; returns the second after it.</summary>
    private int Move(int start, int length, double amplitudeG, Vec from, Vec to)
    {
        var end = Math.Min(Seconds, start + length);
        for (var t = start; t < end; t++)
        {
            Dynamic[t] = Math.Max(Dynamic[t], (float)(amplitudeG * Uniform(_random, 0.7, 1.3)));
            Posture[t] = Vec.Lerp(from, to, (t - start + 1) / (double)length);
        }

        for (var t = end; t < Seconds && t < end + 1; t++)
        {
            Posture[t] = to;
        }

        return end;
    }

    private void Bump(int start, double bpm, int rise, int hold, int fall)
    {
        for (var i = 0; i < rise + hold + fall && start + i < Seconds; i++)
        {
            var shape = i < rise ? (i + 1) / (double)rise : i < rise + hold ? 1 : 1 - ((i - rise - hold + 1) / (double)fall);
            HeartRateSurge[start + i] = (float)Math.Min(SurgeMaxBpm, HeartRateSurge[start + i] + (bpm * shape));
        }
    }

    private Vec NewLyingPosture(Vec current)
    {
        if (_wrist)
        {
            return Vec.RandomUnit(_random);
        }

        Vec[] lying = [Supine, LeftSide, RightSide, Prone];
        Vec next;
        do
        {
            next = lying[_random.Next(lying.Length)];
        }
        while (next == current);
        return next;
    }

    private static double Uniform(Random random, double min, double max) => min + (random.NextDouble() * (max - min));

    private sealed record BoutPlan(int Start, int End, string Kind);

    private sealed record CrampPlan(int Onset, int Length, int Recovery, double RiseBpm, double RiseTau, int StandSeconds, bool Dropout);
}
