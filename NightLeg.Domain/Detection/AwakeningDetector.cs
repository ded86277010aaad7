using NightLeg.Domain.Samples;
using static NightLeg.Domain.Detection.DetectorConstants;

namespace NightLeg.Domain.Detection;

/// <summary>
/// Online, causal detector of sudden awakenings out of established sleep. Feed it one
/// <see cref="SecondEpoch"/> per second in time order (gaps allowed); it decides from what it has
/// seen so far and returns an <see cref="AwakeningDetected"/> in the very second the evidence is
/// enough. Memory is fixed (a few small rings and histograms), whatever the length of the night.
/// The same instance type runs live and in replay. Not thread-safe.
/// </summary>
/// <remarks>
/// Evidence, each second: the heart-rate rise (5-s median minus the 10-min sleeping baseline)
/// accumulated as one-sided CUSUMs — with movement against a small allowance, alone against the
/// sleeper's own (a fraction of their surge level, learned over the night and earlier nights,
/// doubled when the sleep was unsettled); the number of active seconds in the last 20 s; and,
/// when heart rate has dropped out, movement alone. It prompts only in
/// <see cref="SleepState.Asleep"/>, once per awakening, and rearms when the sleeper is asleep
/// again (<see cref="SleepReturnTracker"/>). docs/detector.md explains every threshold.
/// </remarks>
public sealed partial class AwakeningDetector
{
    private readonly DetectorThresholds _thresholds;
    private readonly double?[] _heartRates = new double?[HeartRateMedianSeconds];
    private readonly double?[] _medianScratch = new double?[HeartRateMedianSeconds];
    private readonly bool[] _active = new bool[ActivityWindowSeconds];
    private readonly SlidingMedian _baseline = new(BaselineWindowSeconds);
    private readonly double[] _lagLine = new double[BaselineLagSeconds];
    private readonly RiseProfile _profile;
    private readonly SleepReturnTracker _return = new();
    private readonly CalmMinute _minute = new();
    private readonly MovementBout _bout = new();
    private readonly AwakeningCourseTracker _course = new();
    private int _ringIndex;
    private int _lagIndex;
    private int _lagCount;
    private int _activeCount;
    private long _lastSecond = long.MinValue;
    private long _lastMotionSecond = long.MinValue;
    private long _lastSurgeSecond = long.MinValue;

    private bool _inDisturbance;
    private long _disturbanceOnset;
    private bool _disturbanceSettled;
    private int _calmSeconds;
    private double? _peakHeartRate;
    private int _disturbanceActiveSeconds;
    private int _aloneRun;
    private long _aloneRunStart = long.MinValue;
    private Posture? _sleepPosture;
    private AwakeningDetected? _lastDetection;
    private int _quietMotionPrompts;
    private int _quietHeartPrompts;
    private int _uprightSeconds;
    private bool _countedQuiet;
    private Posture? _lastPosture;

    private long _minuteStart = long.MinValue;
    private int _calmMinutes;
    private long _calmRunStartMinute;

    /// <summary>Creates a detector with the thresholds of <paramref name="sensitivity"/> for a sleeper it does not know yet.</summary>
    public AwakeningDetector(Sensitivity sensitivity = Sensitivity.Normal)
        : this(DetectorThresholds.For(sensitivity))
    {
    }

    /// <summary>Creates a detector with explicit thresholds and, when known, what earlier nights and the sleeper's answers taught.</summary>
    public AwakeningDetector(DetectorThresholds thresholds, SleeperProfile? sleeper = null, SleeperLearning? learning = null)
    {
        _thresholds = thresholds;
        _profile = new RiseProfile(sleeper ?? SleeperProfile.Population);
        Learning = learning ?? SleeperLearning.Nothing;
    }

    /// <summary>What the sleeper's answers taught before tonight (<see cref="SleeperLearning"/>).</summary>
    public SleeperLearning Learning { get; }

    /// <summary>
    /// True when the wearable is a chest strap: its gravity vector then tells sitting up or standing from
    /// lying (<see cref="BodyPositions"/>), which nobody does asleep.
    /// </summary>
    public bool WornOnChest { get; set; }

    /// <summary>What the detector believes about the sleeper now.</summary>
    public SleepState State { get; private set; } = SleepState.AwaitingSleep;

    /// <summary>UTC start of the calm run that last established sleep; null before the first sleep.</summary>
    public DateTimeOffset? SleepOnset { get; private set; }

    /// <summary>UTC instant sleep came back after the last detection (<see cref="SleepReturnTracker"/>); null while awake or before any.</summary>
    public DateTimeOffset? AsleepAgainAt => _return.AsleepAgainAt;

    /// <summary>The current sleeping baseline heart rate in bpm, or null until there is enough calm heart rate.</summary>
    public double? BaselineHeartRateBpm => _baseline.Count >= BaselineMinimumSeconds ? _baseline.Median() : null;

    /// <summary>The sleeper's surge level (bpm above baseline reached in 0.5 % of the seconds asleep), learned so far.</summary>
    public double SurgeLevelBpm => _profile.SurgeLevelBpm;

    /// <summary>What followed the latest detection, as far as it has been followed (<see cref="AwakeningCourseTracker"/>).</summary>
    public AwakeningCourseTracker Course => _course;

    /// <summary>What the second just processed brought to the course of the latest detection.</summary>
    public AwakeningCourseProgress CourseProgress { get; private set; }

    /// <summary>Stops following the latest detection (the recording or the night ended); returns true when one was being followed.</summary>
    public bool FinishCourse()
    {
        if (!_course.Following)
        {
            return false;
        }

        _course.Finish();
        LearnFromCourse();
        return true;
    }

    /// <summary>What tonight (with what came before) has taught about this sleeper, to carry into the next night.</summary>
    public SleeperProfile SleeperProfile => _profile.Snapshot();

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
        _bout.Add(second, epoch.MovementG is not null, active);
        var medianHeartRate = MedianHeartRate();
        var baseline = BaselineHeartRateBpm;
        var rise = medianHeartRate - baseline;
        var aloneAllowance = AloneAllowance();

        TrackDisturbance(second, active, rise, baseline, medianHeartRate, aloneAllowance);
        _minute.Add(epoch.HeartRateBpm, epoch.MovementG);
        TrackPosture(epoch.Posture);
        TrackReturn(epoch);
        FollowCourse(epoch);
        Learn(rise, aloneAllowance, second);
        FeedBaseline(epoch.HeartRateBpm);

        if (State != SleepState.Asleep || !_inDisturbance)
        {
            return null;
        }

        var detection = Decide(second, rise, medianHeartRate is null, baseline);
        if (detection is not null)
        {
            State = SleepState.Awake;
            _lastDetection = detection;
            _course.Start(detection, Learning);
            _countedQuiet = false;
            _return.Start(detection.DetectedAt, baseline);
            _calmMinutes = 0;
            EndDisturbance();
        }

        return detection;
    }

    private AwakeningDetected? Decide(long second, double? rise, bool heartRateDroppedOut, double? baseline)
    {
        var t = _thresholds;
        var motionPresent = _lastMotionSecond != long.MinValue && second - _lastMotionSecond < MotionPresentSeconds;
        var moveScore = _activeCount / (double)t.BoutActiveSeconds;
        var postureChange = _lastPosture is { } now && _sleepPosture is { } sleeping ? now.AngleToDegrees(sleeping) : (double?)null;
        var postureScore = Math.Min(1, (postureChange ?? 0) / 60.0);
        var aloneSustain = t.HeartRateAloneSustainSeconds * (_disturbanceSettled ? 1 : t.UnsettledEvidenceFactor);
        var boutNeeded = BoutActiveSecondsNeeded();
        var moving = motionPresent && _bout.Open && _bout.StillRun < OngoingStillSeconds;
        var satUp = moving && WornOnChest && _uprightSeconds >= UprightSeconds && _bout.ActiveSeconds >= UprightActiveSeconds;
        var boutDecides = satUp || (moving && _bout.ActiveSeconds >= boutNeeded && _bout.ActiveShare >= t.BoutActiveShare);

        DetectionEvidence evidence;
        double strength;
        double corroboration;
        var onset = _disturbanceOnset;
        if (boutDecides && rise >= MotionLedRiseBpm)
        {
            evidence = DetectionEvidence.HeartRateAndMotion;
            strength = satUp ? Math.Max(1, _bout.ActiveSeconds / boutNeeded) : _bout.ActiveSeconds / boutNeeded;
            corroboration = satUp ? 1 : Math.Max(postureScore, Math.Min(1, (rise ?? 0) / DisturbanceHeartRateBpm / 4));
            onset = Math.Min(onset, _bout.Start);
        }
        else if (_aloneRun >= aloneSustain && second - (_aloneRunStart == long.MinValue ? _disturbanceOnset : _aloneRunStart) <= HeartRateOnlyDecisionSeconds &&
                 (!motionPresent || _activeCount >= MinimumActiveSecondsForHeartRateOnly))
        {
            evidence = DetectionEvidence.HeartRateOnly;
            strength = (rise ?? 0) / AloneAllowance();
            corroboration = Math.Min(1, moveScore);
        }
        else if (boutDecides && heartRateDroppedOut)
        {
            evidence = DetectionEvidence.MotionOnly;
            strength = _bout.ActiveSeconds / boutNeeded;
            corroboration = postureScore;
            onset = Math.Min(onset, _bout.Start);
        }
        else
        {
            return null;
        }

        // 0.4 for just meeting the rule, up to 0.3 more for exceeding it twofold, up to 0.3 for the other signal agreeing.
        var confidence = Math.Clamp(0.4 + (0.3 * Math.Min(1, strength - 1)) + (0.3 * corroboration), 0, 1);
        return new AwakeningDetected(
            Onset: DateTimeOffset.FromUnixTimeSeconds(onset),
            DetectedAt: DateTimeOffset.FromUnixTimeSeconds(second + 1),
            BaselineHeartRateBpm: baseline,
            PeakHeartRateBpm: _peakHeartRate,
            ActiveSeconds: Math.Max(_disturbanceActiveSeconds, _bout.Open ? _bout.ActiveSeconds : 0),
            PostureChangeDegrees: postureChange is { } degrees ? Math.Round(degrees, 1) : null,
            Confidence: Math.Round(confidence, 2),
            Evidence: evidence,
            OutOfSettledSleep: _disturbanceSettled && MovementSettled());
    }

    /// <summary>The heart-rate-only allowance (bpm) for this sleeper tonight: their surge level's, raised once more than a few heart-rate prompts tonight were not cramps.</summary>
    private double AloneAllowance() => _thresholds.AloneAllowanceBpm(_profile.SurgeLevelBpm) *
        Math.Min(LearnedHeartRateCap, 1 + (LearnedHeartRateStep * Math.Max(0, _quietHeartPrompts - LearnedHeartRateFreePrompts)));

    /// <summary>True when no bout of movement worth the name ended within <see cref="DetectorConstants.SettledMovementSeconds"/> before the current one began.</summary>
    private bool MovementSettled() => _bout.Previous is not { } previous || previous.ActiveSeconds < UnsettlingBoutActiveSeconds ||
                                      (_bout.Open ? _bout.Start : _lastSecond) - previous.LastActive >= SettledMovementSeconds;

    /// <summary>Active seconds the current bout needs to decide: more when the sleep was already restless.</summary>
    private double BoutActiveSecondsNeeded()
    {
        var settled = MovementSettled();
        var tonight = Math.Min(_thresholds.LearnedMovementCap, 1 + (_thresholds.LearnedMovementStep * _quietMotionPrompts));
        return _thresholds.BoutActiveSeconds * (settled ? 1 : _thresholds.UnsettledMovementFactor) * Learning.MovementLevel * tonight;
    }

    private void TrackDisturbance(long second, bool active, double? rise, double? baseline, double? medianHeartRate, double aloneAllowance)
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
            _disturbanceSettled = _lastSurgeSecond == long.MinValue || _disturbanceOnset - _lastSurgeSecond >= SettledSleepSeconds;
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
            _aloneRun = r >= aloneAllowance ? _aloneRun + 1 : Math.Max(0, _aloneRun - AloneRunDipPenaltySeconds);
            if (_aloneRun == 0)
            {
                _aloneRunStart = long.MinValue;
            }
            else if (_aloneRunStart == long.MinValue)
            {
                _aloneRunStart = second;
            }
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
        _aloneRun = 0;
        _aloneRunStart = long.MinValue;
        _calmSeconds = 0;
    }
}
