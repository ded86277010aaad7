using NightLeg.Domain.Detection;
using NightLeg.Domain.History;
using NightLeg.Domain.Samples;

namespace NightLeg.Domain.Nights;

/// <summary>
/// The live heart of a night: takes samples in arrival order, builds per-second epochs, runs the
/// <see cref="AwakeningDetector"/>, splits the stream into nights by the <see cref="NightCalendar"/>
/// rule, and records gaps. Live sync and replay both drive this same class. Events are raised on
/// the calling thread, synchronously. Not thread-safe: feed it from one thread.
/// </summary>
public sealed partial class NightRecorder : ISampleSink
{
    /// <summary>Seconds without any epoch that make a recorded gap (shorter silences are ordinary: InfiniTime only notifies on change).</summary>
    public const int MinimumGapSeconds = 10;

    /// <summary>
    /// Seconds without skin contact that mean the wearable is not worn: a strap slipping loses contact
    /// for seconds to a minute; longer, it is off, and the stretch is a <see cref="GapReason.NotWorn"/>
    /// gap back to its first second. No second without skin contact reaches the detector (the
    /// movement of taking a strap off is not an awakening out of sleep).
    /// </summary>
    public const int NotWornSeconds = 90;

    private readonly NightCalendar _calendar;
    private readonly DetectorThresholds _thresholds;
    private readonly Func<SleeperLearning>? _learning;
    private readonly EpochAggregator _epochs = new();
    private readonly List<Night> _completed = [];
    private (NightId Night, AwakeningDetected Detection)? _followed;
    private NightBuilder? _current;
    private AwakeningDetector _detector;
    private (NightId Night, AwakeningDetected Detection)? _lastDetection;
    private long _heartRate;
    private long _motion;
    private long _unusable;
    private DateTimeOffset? _contactLostSince;
    private BodyPosition? _asleepPosition;

    /// <summary>Creates a recorder for the user's calendar and chosen sensitivity.</summary>
    public NightRecorder(NightCalendar calendar, Sensitivity sensitivity = Sensitivity.Normal)
        : this(calendar, DetectorThresholds.For(sensitivity))
    {
    }

    /// <summary>
    /// Creates a recorder with explicit detector thresholds and, when known, what earlier nights taught
    /// about the sleeper and what their answers taught (<paramref name="learning"/>, read again at each
    /// new night: the morning's answers count from the next night on).
    /// </summary>
    public NightRecorder(NightCalendar calendar, DetectorThresholds thresholds, SleeperProfile? sleeper = null, Func<SleeperLearning>? learning = null)
    {
        _calendar = calendar;
        _thresholds = thresholds;
        _learning = learning;
        _detector = new AwakeningDetector(thresholds, sleeper, learning?.Invoke());
    }

    /// <summary>Raised for every completed second.</summary>
    public event Action<SecondEpoch>? EpochCompleted;

    /// <summary>Raised the moment an awakening is detected, with the night it belongs to.</summary>
    public event Action<NightId, AwakeningDetected>? AwakeningDetected;

    /// <summary>
    /// Raised when the sleeper is asleep again after a detected awakening (<see cref="SleepReturnTracker"/>),
    /// with the night, the detection and the UTC instant sleep came back.
    /// </summary>
    public event Action<NightId, AwakeningDetected, DateTimeOffset>? AsleepAgain;

    /// <summary>
    /// Raised the moment a detected awakening is plainly one in distress (<see cref="AwakeningCourseTracker"/>):
    /// a prompt with sound switched on sounds then (<see cref="AlertPolicy"/>).
    /// </summary>
    public event Action<NightId, AwakeningDetected, DateTimeOffset>? DistressConfirmed;

    /// <summary>
    /// Raised when what followed a detected awakening is known (<see cref="AwakeningCourse"/>): five minutes
    /// after its onset, or when the recording (or the night) ends before that — if enough followed to tell.
    /// </summary>
    public event Action<NightId, AwakeningDetected, AwakeningCourse>? AwakeningFollowed;

    /// <summary>Raised when the sleep state changes (falling asleep, waking, a new night).</summary>
    public event Action<SleepState>? SleepStateChanged;

    /// <summary>The current sleep state.</summary>
    public SleepState State => _detector.State;

    /// <summary>The current sleeping baseline in bpm, if known.</summary>
    public double? BaselineHeartRateBpm => _detector.BaselineHeartRateBpm;

    /// <summary>What the detector has learned about the sleeper so far (carried into the next night, and to be stored).</summary>
    public SleeperProfile SleeperProfile => _detector.SleeperProfile;

    /// <summary>
    /// True when the wearable is a chest strap: its gravity vector then tells the body's position, so
    /// the night keeps how long it was spent in each and a detection how the sleeper lay before it.
    /// </summary>
    public bool WornOnChest
    {
        get => _detector.WornOnChest;
        set => _detector.WornOnChest = value;
    }

    /// <summary>The most recent epoch, if any.</summary>
    public SecondEpoch? LastEpoch { get; private set; }

    /// <summary>Samples taken in so far.</summary>
    public SampleCounts Counts => new(_heartRate, _motion, _unusable, _epochs.LateSamples);

    /// <summary>The night being recorded now, if any.</summary>
    public Night? CurrentNight => _current?.ToNight();

    /// <summary>Every night seen, completed ones first, then the current one.</summary>
    public IReadOnlyList<Night> Nights => _current is null ? _completed.ToList() : [.. _completed, _current.ToNight()];

    /// <summary>Takes in one heart-rate sample.</summary>
    public void Add(HeartRateSample sample)
    {
        _heartRate++;
        if (!sample.IsUsable)
        {
            _unusable++;
        }

        Process(_epochs.Add(sample));
    }

    /// <summary>Takes in one motion sample.</summary>
    public void Add(in MotionSample sample)
    {
        _motion++;
        Process(_epochs.Add(sample));
    }

    /// <summary>The user started the night explicitly at <paramref name="at"/> (UTC).</summary>
    public void MarkStart(DateTimeOffset at)
    {
        var builder = BuilderFor(at);
        builder.ExplicitStart = at;
    }

    /// <summary>The user stopped the night explicitly at <paramref name="at"/> (UTC); closes every open second.</summary>
    public void MarkStop(DateTimeOffset at)
    {
        End();
        if (_current is not null)
        {
            _current.ExplicitEnd = at;
        }
    }

    /// <summary>Records a gap the transport knows about (a lost link), so it is not mistaken for silence.</summary>
    public void MarkGap(DateTimeOffset start, DateTimeOffset end, GapReason reason)
    {
        if (end > start)
        {
            BuilderFor(start).AddGap(new RecordingGap(start, end, reason));
        }
    }

    /// <summary>A battery reading (percent) at a UTC instant: the night keeps its first and last.</summary>
    public void AddBattery(DateTimeOffset at, int percent) => BuilderFor(at).Battery(percent);

    /// <summary>Closes every open second (a lost link, or a flush): the night stays current, and an awakening still being followed is followed on.</summary>
    public void Complete() => Process(_epochs.Flush());

    /// <summary>End of the recording: closes every open second and reports what followed the last awakening as far as it was seen.</summary>
    public void End()
    {
        Complete();
        FinishCourse();
    }

    private void Process(IReadOnlyList<SecondEpoch> epochs)
    {
        foreach (var epoch in epochs)
        {
            var builder = BuilderFor(epoch.Start);
            if (LastEpoch is { } last && (epoch.Start - last.Start).TotalSeconds > MinimumGapSeconds && builder.RecordingEnd is not null)
            {
                builder.AddGap(new RecordingGap(last.Start.AddSeconds(1), epoch.Start, GapReason.NoData));
            }

            builder.Touch(epoch.Start, epoch.Start.AddSeconds(1));
            LastEpoch = epoch;
            if (NotWorn(builder, epoch))
            {
                EpochCompleted?.Invoke(epoch);
                continue;
            }

            var before = _detector.State;
            var detection = _detector.Process(epoch);
            ReportCourse();
            builder.Sleep.Add(epoch, _detector.State);
            TrackPosition(builder, epoch);
            EpochCompleted?.Invoke(epoch);

            if (_detector.State != before)
            {
                OnStateChanged(builder, before, epoch);
            }

            if (detection is not null)
            {
                detection = detection with { Position = _asleepPosition };
                _lastDetection = (builder.Id, detection);
                _followed = _lastDetection;
                AwakeningDetected?.Invoke(builder.Id, detection);
            }
        }
    }

    /// <summary>Tells subscribers what the second just processed brought to the course of the latest detection.</summary>
    private void ReportCourse()
    {
        if (_followed is not { } followed)
        {
            return;
        }

        var course = _detector.Course.Course;
        switch (_detector.CourseProgress)
        {
            case AwakeningCourseProgress.Distress:
                DistressConfirmed?.Invoke(followed.Night, followed.Detection, course!.DistressAt!.Value);
                break;
            case AwakeningCourseProgress.Done:
                _followed = null;
                if (course is not null)
                {
                    AwakeningFollowed?.Invoke(followed.Night, followed.Detection, course);
                }

                break;
        }
    }

    private void FinishCourse()
    {
        if (_detector.FinishCourse() && _followed is { } followed)
        {
            _followed = null;
            if (_detector.Course.Course is { } course)
            {
                AwakeningFollowed?.Invoke(followed.Night, followed.Detection, course);
            }
        }
    }

    /// <summary>With a chest strap: time asleep per lying position, and the position asleep most recently.</summary>
    private void TrackPosition(NightBuilder builder, in SecondEpoch epoch)
    {
        if (!WornOnChest || epoch.Posture is not { } posture || _detector.State != SleepState.Asleep)
        {
            return;
        }

        var position = BodyPositions.Of(posture);
        if (position != BodyPosition.Upright)
        {
            _asleepPosition = position;
            builder.AddPosition(position);
        }
    }

    /// <summary>Tracks stretches without skin contact (a not-worn gap once long enough); true for a second without contact.</summary>
    private bool NotWorn(NightBuilder builder, in SecondEpoch epoch)
    {
        if (!epoch.ContactLost)
        {
            _contactLostSince = null;
            return false;
        }

        _contactLostSince ??= epoch.Start;
        if ((epoch.Start - _contactLostSince.Value).TotalSeconds + 1 >= NotWornSeconds)
        {
            builder.AddGap(new RecordingGap(_contactLostSince.Value, epoch.Start.AddSeconds(1), GapReason.NotWorn));
        }

        return true;
    }

    private void OnStateChanged(NightBuilder builder, SleepState before, SecondEpoch epoch)
    {
        var now = _detector.State;
        if (now == SleepState.Asleep && before == SleepState.Awake && _lastDetection is { } last && _detector.AsleepAgainAt is { } asleep)
        {
            AsleepAgain?.Invoke(last.Night, last.Detection, asleep);
        }

        if (now == SleepState.Asleep)
        {
            builder.SleepOnset ??= _detector.SleepOnset;
            if (_detector.SleepOnset is { } onset)
            {
                builder.Sleep.AddEstablishedRun(onset, epoch.Start);
            }

            builder.FinalAwakening = null; // asleep again: the last awakening was not the final one
        }
        else if (now == SleepState.Awake && before == SleepState.Asleep)
        {
            builder.FinalAwakening = epoch.Start;
        }

        SleepStateChanged?.Invoke(now);
    }

    private NightBuilder BuilderFor(DateTimeOffset instant)
    {
        var id = _calendar.NightOf(instant);
        if (_current is not null && _current.Id == id)
        {
            return _current;
        }

        if (_current is not null)
        {
            FinishCourse();
            _completed.Add(_current.ToNight());
            _detector = new AwakeningDetector(_thresholds, _detector.SleeperProfile, _learning?.Invoke() ?? _detector.Learning) { WornOnChest = _detector.WornOnChest };
            _lastDetection = null;
            _asleepPosition = null;
            SleepStateChanged?.Invoke(_detector.State);
        }

        _current = new NightBuilder(id);
        return _current;
    }
}
