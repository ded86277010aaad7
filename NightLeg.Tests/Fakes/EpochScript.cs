using NightLeg.Domain.Samples;

namespace NightLeg.Tests.Fakes;

/// <summary>
/// Writes a night second by second for detector tests: calm sleep with a little noise, then the
/// things that happen every night (turning over, arousals, REM swings, spikes, gaps) and the
/// awakening we look for. Deterministic for a seed.
/// </summary>
public sealed class EpochScript
{
    private static readonly Posture Lying = new(0, 0, 1);
    private static readonly Posture OnSide = new(1, 0, 0);
    private static readonly Posture SittingUp = new(0, 1, 0);

    private readonly List<SecondEpoch> _epochs = [];
    private readonly Random _random;
    private readonly double _baselineBpm;
    private DateTimeOffset _now;
    private Posture _posture = Lying;

    public EpochScript(int seed = 1, double baselineBpm = 52, bool withMotion = true, bool withHeartRate = true, DateTimeOffset? start = null)
    {
        _random = new Random(seed);
        _baselineBpm = baselineBpm;
        WithMotion = withMotion;
        WithHeartRate = withHeartRate;
        _now = start ?? new DateTimeOffset(2026, 3, 10, 22, 30, 0, TimeSpan.Zero);
    }

    public bool WithMotion { get; }

    public bool WithHeartRate { get; }

    public DateTimeOffset Now => _now;

    public IReadOnlyList<SecondEpoch> Epochs => _epochs;

    /// <summary>Calm sleep: heart rate within ±2 bpm of baseline, breathing-level movement.</summary>
    public EpochScript Sleep(TimeSpan duration)
    {
        for (var i = 0; i < duration.TotalSeconds; i++)
        {
            Second(_baselineBpm + Noise(2), Still());
        }

        return this;
    }

    /// <summary>A turn-over: 3–4 s of movement, a new posture, heart rate up ≈5 bpm for 15 s.</summary>
    public EpochScript TurnOver()
    {
        var moving = 3 + _random.Next(2);
        _posture = _posture == Lying ? OnSide : Lying;
        for (var i = 0; i < 15; i++)
        {
            var rise = i < 12 ? 5 * Math.Sin(Math.PI * i / 12) : 0;
            Second(_baselineBpm + rise + Noise(1.5), i < moving ? 0.15 + (_random.NextDouble() * 0.2) : Still());
        }

        return this;
    }

    /// <summary>A brief arousal: heart rate up to +rise bpm for ≈15 s, a second or two of movement.</summary>
    public EpochScript Arousal(double riseBpm = 10)
    {
        for (var i = 0; i < 18; i++)
        {
            var rise = riseBpm * Math.Sin(Math.PI * i / 18);
            Second(_baselineBpm + rise + Noise(1.5), i is 3 or 4 ? 0.08 : Still());
        }

        return this;
    }

    /// <summary>
    /// An arousal with a bout of movement, as real sleepers have several a night (data/motion-nights:
    /// bouts of 10–25 active seconds, nine in ten with a heart-rate surge of +25 bpm): the heart jumps by
    /// +<paramref name="riseBpm"/>, the body moves in most of <paramref name="seconds"/> s, turns over, and is
    /// still again with the heart back within a minute.
    /// </summary>
    public EpochScript ArousalWithMovement(double riseBpm = 25, int seconds = 30)
    {
        _posture = _posture == Lying ? OnSide : Lying;
        for (var i = 0; i < seconds + 40; i++)
        {
            var rise = i < 4 ? riseBpm * (i + 1) / 4.0 : i < seconds ? riseBpm : riseBpm * Math.Exp(-(i - seconds) / 8.0);
            var moving = i < seconds && _random.NextDouble() < 0.75;
            Second(_baselineBpm + rise + Noise(1.5), moving ? 0.15 + (_random.NextDouble() * 0.4) : Still());
        }

        return this;
    }

    /// <summary>A heart-rate surge in still sleep (phasic REM, an autonomic arousal): up by +rise within 4 s, held, back within 12 s.</summary>
    public EpochScript Surge(double riseBpm, TimeSpan hold)
    {
        var seconds = 4 + (int)hold.TotalSeconds + 12;
        for (var i = 0; i < seconds; i++)
        {
            var shape = i < 4 ? (i + 1) / 4.0 : i < 4 + hold.TotalSeconds ? 1 : 1 - ((i - 4 - hold.TotalSeconds + 1) / 12.0);
            Second(_baselineBpm + (riseBpm * shape) + Noise(1.5), Still());
        }

        return this;
    }

    /// <summary>REM: heart rate wandering up to +swing bpm above baseline for minutes, body still (atonia).</summary>
    public EpochScript Rem(TimeSpan duration, double swingBpm = 10)
    {
        for (var i = 0; i < duration.TotalSeconds; i++)
        {
            var wander = (swingBpm / 2) * (1 + Math.Sin(2 * Math.PI * i / 90.0)) * (0.6 + (0.4 * Math.Sin(2 * Math.PI * i / 23.0)));
            Second(_baselineBpm + 2 + wander + Noise(2), Still());
        }

        return this;
    }

    /// <summary>One implausible reading (a spike), the rest calm.</summary>
    public EpochScript Spike(double bpm = 150)
    {
        Second(bpm, Still());
        return this;
    }

    /// <summary>Nothing at all for a while (link lost, watch off).</summary>
    public EpochScript Gap(TimeSpan duration)
    {
        _now += duration;
        return this;
    }

    /// <summary>
    /// A cramp awakening: heart rate climbs by <paramref name="riseBpm"/> over
    /// <paramref name="rampSeconds"/> s and stays up; the sleeper sits up and works the leg
    /// (movement most seconds) for <paramref name="duration"/>. Returns the onset.
    /// </summary>
    public EpochScript Cramp(out DateTimeOffset onset, double riseBpm = 18, int rampSeconds = 10, TimeSpan? duration = null,
        double movingFraction = 0.8, bool heartRateDropsOut = false)
    {
        onset = _now;
        var seconds = (duration ?? TimeSpan.FromMinutes(3)).TotalSeconds;
        _posture = SittingUp;
        for (var i = 0; i < seconds; i++)
        {
            var rise = riseBpm * Math.Min(1, (i + 1) / (double)rampSeconds);
            var moving = i >= 1 && _random.NextDouble() < movingFraction;
            var heartRate = heartRateDropsOut ? (double?)null : _baselineBpm + rise + Noise(2);
            Second(heartRate, moving ? 0.1 + (_random.NextDouble() * 0.4) : Still());
        }

        _posture = Lying;
        return this;
    }

    /// <summary>Awake but lying still, heart rate easing back towards baseline.</summary>
    public EpochScript SettleBack(TimeSpan duration, double fromRiseBpm = 15)
    {
        for (var i = 0; i < duration.TotalSeconds; i++)
        {
            var rise = fromRiseBpm * Math.Exp(-i / 60.0);
            Second(_baselineBpm + rise + Noise(1.5), Still());
        }

        return this;
    }

    private void Second(double? heartRate, double movement)
    {
        _epochs.Add(new SecondEpoch(
            _now,
            WithHeartRate ? (heartRate is { } hr ? Math.Round(hr) : null) : null,
            WithMotion ? movement : null,
            WithMotion ? _posture : null));
        _now = _now.AddSeconds(1);
    }

    private double Still() => 0.005 + (_random.NextDouble() * 0.01);

    private double Noise(double amplitude) => ((_random.NextDouble() * 2) - 1) * amplitude;
}
