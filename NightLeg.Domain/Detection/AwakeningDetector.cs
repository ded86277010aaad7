using NightLeg.Domain.Samples;
using static NightLeg.Domain.Detection.DetectorConstants;

namespace NightLeg.Domain.Detection;

/// <summary>
/// Online, causal detector of sudden awakenings out of established sleep. Feed it one
/// <see cref="SecondEpoch"/> per second in time order (gaps allowed); it decides from what it has
/// seen so far and returns an <see cref="AwakeningDetected"/> in the very second the evidence is
/// enough. Memory is fixed (a few small rings), whatever the length of the night. The same
/// instance type runs live and in replay. Not thread-safe.
/// </summary>
/// <remarks>
/// Evidence, each second: the heart-rate rise (5-s median minus the 10-min sleeping baseline)
/// accumulated as a one-sided CUSUM; the number of active seconds in the last 20 s; and, when
/// heart rate has dropped out, movement alone. It prompts only in <see cref="SleepState.Asleep"/>,
/// once per awakening, and rearms after <see cref="DetectorConstants.RearmCalmMinutes"/> calm minutes.
/// </remarks>
public sealed partial class AwakeningDetector
{
    private readonly DetectorThresholds _thresholds;
    private readonly double?[] _heartRates = new double?[HeartRateMedianSeconds];
    private readonly double?[] _medianScratch = new double?[HeartRateMedianSeconds];
    private readonly bool[] _active = new bool[ActivityWindowSeconds];
    private readonly SlidingMedian _baseline = new(BaselineWindowSeconds);
    private readonly double[] _lagLine = new double[BaselineLagSeconds];
    private readonly double[] _minuteHeartRates = new double[60];
    private int _ringIndex;
    private int _lagIndex;
    private int _lagCount;
    private int _activeCount;
    private long _lastSecond = long.MinValue;
    private long _lastMotionSecond = long.MinValue;

    private bool _inDisturbance;

    private long _disturbanceOnset;
    private int _calmSeconds;
    private double? _peakHeartRate;
    private int _disturbanceActiveSeconds;
    private double _cusumWithMotion;
    private double _cusumAlone;
    private Posture? _sleepPosture;
    private Posture? _lastPosture;

    private long _minute = long.MinValue;
    private int _minuteSeconds;
    private int _minuteActiveSeconds;
    private int _minuteHeartRateCount;
    private int _calmMinutes;
    private long _calmRunStartMinute;

    /// <summary>Creates a detector with the thresholds of <paramref name="sensitivity"/>.</summary>
    public AwakeningDetector(Sensitivity sensitivity = Sensitivity.Normal)
        : this(DetectorThresholds.For(sensitivity))
    {
    }

    /// <summary>Creates a detector with explicit thresholds (tests and benchmarks).</summary>
    public AwakeningDetector(DetectorThresholds thresholds)
    {
        _thresholds = thresholds;
    }

    /// <summary>What the detector believes about the sleeper now.</summary>
    public SleepState State { get; private set; } = SleepState.AwaitingSleep;

    /// <summary>UTC start of the calm run that last established sleep; null before the first sleep.</summary>
    public DateTimeOffset? SleepOnset { get; private set; }

    /// <summary>The current sleeping baseline heart rate in bpm, or null until there is enough calm heart rate.</summary>
    public double? BaselineHeartRateBpm => _baseline.Count >= BaselineMinimumSeconds ? _baseline.Median() : null;

    /// <summary>Processes one second; returns the awakening when this second decides one, else null.</summary>
    public AwakeningDetected? Process(in SecondEpoch epoch)
    {
        var second = epoch.Start.ToUnixTimeSeconds();
        if (second <= _lastSecond)
        {
            return null; // Out of order or repeated: the stream is in time order, so ignore it.
        }

        BridgeGap(second);
        _lastSecond = second;
        CloseMinuteIfNew(second);

        var active = epoch.MovementG is { } movement && movement >= ActiveMovementG;
        if (epoch.MovementG is not null)
        {
            _lastMotionSecond = second;
        }

        Push(epoch.HeartRateBpm, active);
        var medianHeartRate = MedianHeartRate();
        var baseline = BaselineHeartRateBpm;
        var rise = medianHeartRate - baseline;

        TrackDisturbance(second, active, rise, baseline, medianHeartRate);
        TrackMinute(active, epoch.HeartRateBpm);
        TrackPosture(epoch.Posture);

        FeedBaseline(epoch.HeartRateBpm);

        if (State != SleepState.Asleep || !_inDisturbance)
        {
            return null;
        }

        var detection = Decide(second, rise, medianHeartRate is null, baseline);
        if (detection is not null)
        {
            State = SleepState.Awake;
            _calmMinutes = 0;
            EndDisturbance();
        }

        return detection;
    }

    private AwakeningDetected? Decide(long second, double? rise, bool heartRateDroppedOut, double? baseline)
    {
        var t = _thresholds;
        var motionPresent = _lastMotionSecond != long.MinValue && second - _lastMotionSecond < MotionPresentSeconds;
        var moveScore = _activeCount / (double)t.ActiveSecondsWithHeartRate;
        var postureChange = _lastPosture is { } now && _sleepPosture is { } sleeping ? now.AngleToDegrees(sleeping) : (double?)null;
        var postureScore = Math.Min(1, (postureChange ?? 0) / 60.0);

        DetectionEvidence evidence;
        double strength;
        double corroboration;
        var aloneThreshold = motionPresent ? t.HeartRateEvidenceWhileStillBpmSeconds : t.HeartRateEvidenceAloneBpmSeconds;
        if (motionPresent && _cusumWithMotion >= t.HeartRateEvidenceWithMotionBpmSeconds && _activeCount >= t.ActiveSecondsWithHeartRate)
        {
            evidence = DetectionEvidence.HeartRateAndMotion;
            strength = Math.Min(_cusumWithMotion / t.HeartRateEvidenceWithMotionBpmSeconds, moveScore);
            corroboration = postureScore;
        }
        else if (motionPresent && _activeCount >= t.MotionLedActiveSeconds && rise >= MotionLedRiseBpm)
        {
            evidence = DetectionEvidence.HeartRateAndMotion;
            strength = _activeCount / (double)t.MotionLedActiveSeconds;
            corroboration = postureScore;
        }
        else if (_cusumAlone >= aloneThreshold && second - _disturbanceOnset <= HeartRateOnlyDecisionSeconds &&
                 (!motionPresent || _activeCount >= MinimumActiveSecondsForHeartRateOnly))
        {
            evidence = DetectionEvidence.HeartRateOnly;
            strength = _cusumAlone / aloneThreshold;
            corroboration = Math.Min(1, moveScore);
        }
        else if (heartRateDroppedOut && motionPresent && _activeCount >= t.MotionOnlyActiveSeconds)
        {
            evidence = DetectionEvidence.MotionOnly;
            strength = _activeCount / (double)t.MotionOnlyActiveSeconds;
            corroboration = postureScore;
        }
        else
        {
            return null;
        }

        // 0.4 for just meeting the rule, up to 0.3 more for exceeding it twofold, up to 0.3 for the other signal agreeing.
        var confidence = Math.Clamp(0.4 + (0.3 * Math.Min(1, strength - 1)) + (0.3 * corroboration), 0, 1);
        return new AwakeningDetected(
            Onset: DateTimeOffset.FromUnixTimeSeconds(_disturbanceOnset),
            DetectedAt: DateTimeOffset.FromUnixTimeSeconds(second + 1),
            BaselineHeartRateBpm: baseline,
            PeakHeartRateBpm: _peakHeartRate,
            ActiveSeconds: _disturbanceActiveSeconds,
            PostureChangeDegrees: postureChange is { } degrees ? Math.Round(degrees, 1) : null,
            Confidence: Math.Round(confidence, 2),
            Evidence: evidence);
    }

    private void TrackDisturbance(long second, bool active, double? rise, double? baseline, double? medianHeartRate)
    {
        if (_inDisturbance && second - _disturbanceOnset >= MaxDisturbanceSeconds)
        {
            EndDisturbance(); // too slow for an awakening: a stage change or a long swing
        }

        var disturbed = active || rise >= DisturbanceHeartRateBpm;
        if (!_inDisturbance && disturbed)
        {
            _inDisturbance = true;
            _disturbanceOnset = EarliestRaisedSecond(second, active, baseline);
            _calmSeconds = 0;
            _peakHeartRate = medianHeartRate;
            _disturbanceActiveSeconds = 0;
        }

        if (!_inDisturbance)
        {
            return;
        }

        if (active)
        {
            _disturbanceActiveSeconds++;
        }

        if (medianHeartRate > (_peakHeartRate ?? double.MinValue))
        {
            _peakHeartRate = medianHeartRate;
        }

        if (rise is { } r)
        {
            _cusumWithMotion = Math.Max(0, _cusumWithMotion + r - _thresholds.MotionAllowanceBpm);
            _cusumAlone = Math.Max(0, _cusumAlone + r - _thresholds.AloneAllowanceBpm);
        }

        _calmSeconds = disturbed ? 0 : _calmSeconds + 1;
        if (_calmSeconds >= DisturbanceEndCalmSeconds)
        {
            EndDisturbance();
        }
    }

    /// <summary>The heart rate rises a little before its median shows it: date the onset back to the first raised reading.</summary>
    private long EarliestRaisedSecond(long second, bool active, double? baseline)
    {
        if (active || baseline is not { } b)
        {
            return second;
        }

        var onset = second;
        for (var back = 1; back < HeartRateMedianSeconds; back++)
        {
            var index = (_ringIndex - 1 - back + (HeartRateMedianSeconds * 2)) % HeartRateMedianSeconds;
            if (_heartRates[index] is { } hr && hr >= b + DisturbanceHeartRateBpm)
            {
                onset = second - back;
            }
            else
            {
                break;
            }
        }

        return onset;
    }

    private void EndDisturbance()
    {
        _inDisturbance = false;
        _cusumWithMotion = 0;
        _cusumAlone = 0;
        _calmSeconds = 0;
    }
}
