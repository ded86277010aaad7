using NightLeg.Domain.Samples;
using static NightLeg.Domain.Detection.DetectorConstants;

namespace NightLeg.Domain.Detection;

/// <summary>
/// The one rule for "asleep again" after an awakening: the first run of
/// <see cref="DetectorConstants.RearmCalmMinutes"/> calm minutes in a row (see <see cref="CalmMinute"/>:
/// at most one short movement a minute, median heart rate within
/// <see cref="DetectorConstants.RearmMaxRiseBpm"/> of the sleeping baseline from before the
/// awakening), counted in whole minutes from <see cref="From"/>. The sleeper was asleep again from
/// the start of that run. The detector rearms with it, the morning review and history classify
/// events with it (<see cref="AwakeningReview"/>), so all three always agree. Online, causal, fixed
/// memory; not thread-safe.
/// </summary>
public sealed class SleepReturnTracker
{
    private readonly CalmMinute _minute = new();
    private long _fromSecond;
    private long _minuteIndex;
    private long _lastSecond;
    private int _calmRun;
    private long _calmRunStartMinute;
    private double? _baselineBpm;

    /// <summary>Creates a tracker that waits for <see cref="Start"/>.</summary>
    public SleepReturnTracker()
    {
    }

    /// <summary>Creates a tracker started at <paramref name="from"/>.</summary>
    public SleepReturnTracker(DateTimeOffset from, double? baselineBpm)
    {
        Start(from, baselineBpm);
    }

    /// <summary>True once <see cref="Start"/> has been called.</summary>
    public bool Started { get; private set; }

    /// <summary>UTC instant the tracking (and its minute grid) starts: the moment the awakening was detected.</summary>
    public DateTimeOffset From { get; private set; }

    /// <summary>UTC instant sleep came back (start of the calm run); null until it has.</summary>
    public DateTimeOffset? AsleepAgainAt { get; private set; }

    /// <summary>Starts (or restarts) tracking from <paramref name="from"/> against the sleeping baseline <paramref name="baselineBpm"/> (bpm, may be null).</summary>
    public void Start(DateTimeOffset from, double? baselineBpm)
    {
        Started = true;
        From = from;
        _fromSecond = from.ToUnixTimeSeconds();
        _baselineBpm = baselineBpm;
        _minuteIndex = 0;
        _lastSecond = _fromSecond - 1;
        _calmRun = 0;
        _calmRunStartMinute = 0;
        AsleepAgainAt = null;
        _minute.Reset();
    }

    /// <summary>
    /// Adds one second (in time order; seconds before <see cref="From"/> are ignored). Returns true in
    /// the second the return to sleep becomes known.
    /// </summary>
    public bool Add(in SecondEpoch epoch)
    {
        var second = epoch.Start.ToUnixTimeSeconds();
        if (!Started || AsleepAgainAt is not null || second < _fromSecond || second <= _lastSecond)
        {
            return false;
        }

        var index = (second - _fromSecond) / 60;
        if (index != _minuteIndex)
        {
            CloseMinute();
            if (second - _lastSecond > MaxBridgedGapSeconds)
            {
                _calmRun = 0; // a long gap: we do not know what happened inside it
            }

            _minuteIndex = index;
            _minute.Reset(_minute.EndsActive && second == _lastSecond + 1);
            if (AsleepAgainAt is not null)
            {
                _lastSecond = second;
                return true;
            }
        }

        _lastSecond = second;
        _minute.Add(epoch.HeartRateBpm, epoch.MovementG);
        return false;
    }

    /// <summary>Runs the rule over stored seconds: when was the sleeper asleep again after <paramref name="from"/>? Null when the seconds do not show it.</summary>
    public static DateTimeOffset? Find(IEnumerable<SecondEpoch> epochs, DateTimeOffset from, double? baselineBpm)
    {
        var tracker = new SleepReturnTracker(from, baselineBpm);
        foreach (var epoch in epochs)
        {
            if (tracker.Add(epoch))
            {
                break;
            }
        }

        return tracker.AsleepAgainAt;
    }

    private void CloseMinute()
    {
        if (!_minute.HasEnoughData)
        {
            return;
        }

        if (_minute.IsCalm(_baselineBpm, RearmMaxRiseBpm))
        {
            if (_calmRun == 0)
            {
                _calmRunStartMinute = _minuteIndex;
            }

            _calmRun++;
            if (_calmRun >= RearmCalmMinutes)
            {
                AsleepAgainAt = DateTimeOffset.FromUnixTimeSeconds(_fromSecond + (_calmRunStartMinute * 60));
            }
        }
        else
        {
            _calmRun = 0;
        }
    }
}
