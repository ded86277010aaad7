using NightLeg.Domain.Samples;
using static NightLeg.Domain.Detection.DetectorConstants;

namespace NightLeg.Domain.Detection;

/// <summary>
/// Follows a detected awakening second by second and tells its <see cref="AwakeningCourse"/>: the
/// one rule that the night recorder runs live (to sound the prompt once distress is plain, and to
/// store the course with the event) and that runs again over stored seconds for an event without one.
/// Online, causal, fixed memory (a minute of activity and of heart rate, and 100 s of heart rate);
/// not thread-safe.
/// </summary>
public sealed class AwakeningCourseTracker
{
    /// <summary>How long after the onset the course is followed: five minutes, long enough for a cramp's leg work (tens of seconds to minutes) and short enough to know by the time the sleeper is asleep again.</summary>
    public static readonly TimeSpan Span = TimeSpan.FromMinutes(5);

    /// <summary>Seconds after the decision over which the heart rate is taken: a cramp holds it up while it lasts; an arousal's surge falls back within 20–45 s.</summary>
    public const int HeartRateWindowSeconds = 100;

    /// <summary>Distress is decided no sooner than this long after the onset (s): by then a turn-over with an arousal is long over, and real arousal bouts in sleep mostly too (data/motion-nights: 30–90 s).</summary>
    public const int DistressAfterSeconds = 90;

    /// <summary>The window (s) over which distress looks at movement and heart rate.</summary>
    public const int DistressWindowSeconds = 60;

    /// <summary>Distress: at least this share of the window's seconds with data active (a cramp keeps the leg working in 50–90 % of them)…</summary>
    public const double DistressActiveShare = 0.5;

    /// <summary>…and at least this many active seconds in it…</summary>
    public const int DistressActiveSeconds = 25;

    /// <summary>…with the heart rate's median over the window at least this far above the sleeping baseline (bpm): a cramp's +10–25, well beyond what lying awake gives (+2–6).</summary>
    public const double DistressRiseBpm = 15;

    private readonly double[] _afterDecision = new double[HeartRateWindowSeconds];
    private readonly sbyte[] _window = new sbyte[DistressWindowSeconds];
    private readonly double[] _windowHeart = new double[DistressWindowSeconds];
    private readonly double[] _scratch = new double[Math.Max(HeartRateWindowSeconds, DistressWindowSeconds)];
    private long _onset;
    private long _decided;
    private long _last;
    private double? _baseline;
    private int _active;
    private bool _hasMotion;
    private int _afterCount;
    private DateTimeOffset? _distressAt;
    private SleeperLearning _learning = SleeperLearning.Nothing;
    private int _dataSeconds;

    /// <summary>True between <see cref="Start"/> and the end of <see cref="Span"/> (or <see cref="Finish"/>).</summary>
    public bool Following { get; private set; }

    /// <summary>The detection being followed.</summary>
    public AwakeningDetected? Detection { get; private set; }

    /// <summary>Starts following <paramref name="detection"/>: seeded with the active seconds the detector counted up to its decision.</summary>
    public void Start(AwakeningDetected detection, SleeperLearning? learning = null)
    {
        _learning = learning ?? SleeperLearning.Nothing;
        Detection = detection;
        Following = true;
        _onset = detection.Onset.ToUnixTimeSeconds();
        _decided = detection.DetectedAt.ToUnixTimeSeconds();
        _last = _decided - 1;
        _baseline = detection.BaselineHeartRateBpm;
        _active = detection.ActiveSeconds;
        _hasMotion = detection.Evidence != DetectionEvidence.HeartRateOnly || detection.ActiveSeconds > 0;
        _afterCount = 0;
        _dataSeconds = 0;
        _distressAt = null;
        Array.Fill(_window, (sbyte)-1);
        Array.Fill(_windowHeart, double.NaN);
    }

    /// <summary>
    /// Adds one second (in time order; seconds before the decision are ignored). Returns
    /// <see cref="AwakeningCourseProgress.Distress"/> in the second distress becomes plain, <see cref="AwakeningCourseProgress.Done"/>
    /// in the second the span is over (the course is then <see cref="Course"/>), else <see cref="AwakeningCourseProgress.None"/>.
    /// </summary>
    public AwakeningCourseProgress Add(in SecondEpoch epoch)
    {
        var second = epoch.Start.ToUnixTimeSeconds();
        if (!Following || second <= _last || second < _decided)
        {
            return AwakeningCourseProgress.None;
        }

        if (second >= _onset + (long)Span.TotalSeconds)
        {
            Following = false;
            return AwakeningCourseProgress.Done;
        }

        for (var s = _last + 1; s < second; s++)
        {
            Slot(s, -1, double.NaN); // seconds without data
        }

        _last = second;
        _dataSeconds += epoch.IsEmpty ? 0 : 1;
        var active = epoch.MovementG >= ActiveMovementG;
        if (epoch.MovementG is not null)
        {
            _hasMotion = true;
            _active += active ? 1 : 0;
        }

        if (epoch.HeartRateBpm is { } hr && second - _decided < HeartRateWindowSeconds && _afterCount < _afterDecision.Length)
        {
            _afterDecision[_afterCount++] = hr;
        }

        Slot(second, (sbyte)(epoch.MovementG is null ? -1 : active ? 1 : 0), epoch.HeartRateBpm ?? double.NaN);
        if (_distressAt is null && IsDistress(second))
        {
            _distressAt = DateTimeOffset.FromUnixTimeSeconds(second + 1);
            return AwakeningCourseProgress.Distress;
        }

        return AwakeningCourseProgress.None;
    }

    /// <summary>Ends the following now (the recording ended, or a new night began); the course is what was seen.</summary>
    public void Finish() => Following = false;

    /// <summary>Seconds with data after the decision that a course needs to say anything (a recording that stopped sooner tells too little: the event is asked about).</summary>
    public const int MinimumDataSeconds = 120;

    /// <summary>
    /// The course as seen so far (complete once <see cref="Add"/> returned <see cref="AwakeningCourseProgress.Done"/>);
    /// null while fewer than <see cref="MinimumDataSeconds"/> seconds with data followed the decision — unless distress was already plain.
    /// </summary>
    public AwakeningCourse? Course
    {
        get
        {
            if (_dataSeconds < MinimumDataSeconds && _distressAt is null)
            {
                return null;
            }

            var course = new AwakeningCourse(_hasMotion ? _active : null, _afterCount > 0 && _baseline is { } b ? Math.Round(Median(_afterDecision, _afterCount) - b, 1) : null, _distressAt);
            return _learning.IsEmpty ? course : course with { LikeDismissed = _learning.LikeDismissed(course) };
        }
    }

    /// <summary>Runs the rule over stored seconds from the decision on; null when they tell too little.</summary>
    public static AwakeningCourse? Find(IEnumerable<SecondEpoch> epochs, AwakeningDetected detection, SleeperLearning? learning = null)
    {
        var tracker = new AwakeningCourseTracker();
        tracker.Start(detection, learning);
        foreach (var epoch in epochs)
        {
            if (tracker.Add(epoch) == AwakeningCourseProgress.Done)
            {
                break;
            }
        }

        return tracker.Course;
    }

    private void Slot(long second, sbyte activity, double heartRate)
    {
        var i = (int)(((second % DistressWindowSeconds) + DistressWindowSeconds) % DistressWindowSeconds);
        _window[i] = activity;
        _windowHeart[i] = heartRate;
    }

    private bool IsDistress(long second)
    {
        if (second - _onset < DistressAfterSeconds || _baseline is not { } baseline || Detection?.OutOfSettledSleep == false)
        {
            return false;
        }

        int data = 0, active = 0, hearts = 0;
        for (var i = 0; i < DistressWindowSeconds; i++)
        {
            if (_window[i] >= 0)
            {
                data++;
                active += _window[i];
            }

            if (!double.IsNaN(_windowHeart[i]))
            {
                _scratch[hearts++] = _windowHeart[i];
            }
        }

        return active >= DistressActiveSeconds && active >= DistressActiveShare * data &&
               hearts >= DistressWindowSeconds / 3 && Median(_scratch, hearts) - baseline >= DistressRiseBpm;
    }

    private double Median(double[] values, int count)
    {
        if (!ReferenceEquals(values, _scratch))
        {
            Array.Copy(values, _scratch, count);
        }

        Array.Sort(_scratch, 0, count);
        return count % 2 == 1 ? _scratch[count / 2] : (_scratch[(count / 2) - 1] + _scratch[count / 2]) / 2;
    }
}
