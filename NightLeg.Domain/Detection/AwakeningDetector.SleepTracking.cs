using NightLeg.Domain.Samples;
using static NightLeg.Domain.Detection.DetectorConstants;

namespace NightLeg.Domain.Detection;

/// <summary>The detector, part three: minute-level sleep tracking (calm minutes establish and re-establish sleep).</summary>
public sealed partial class AwakeningDetector
{
    private void TrackMinute(bool active, double? heartRate)
    {
        _minuteSeconds++;
        if (active)
        {
            _minuteActiveSeconds++;
        }

        if (heartRate is { } hr && _minuteHeartRateCount < _minuteHeartRates.Length)
        {
            _minuteHeartRates[_minuteHeartRateCount++] = hr;
        }
    }

    private void CloseMinuteIfNew(long second)
    {
        var minute = Math.DivRem(second, 60, out var rem) - (rem < 0 ? 1 : 0);
        if (minute == _minute)
        {
            return;
        }

        if (_minute != long.MinValue)
        {
            EvaluateMinute(_minute, minute);
        }

        _minute = minute;
        _minuteSeconds = 0;
        _minuteActiveSeconds = 0;
        _minuteHeartRateCount = 0;
    }

    /// <summary>Minute-level sleep tracking: calm minutes in a row establish (or re-establish) sleep.</summary>
    private void EvaluateMinute(long minute, long nextMinute)
    {
        // A minute with under a third of its data neither extends nor breaks a calm run.
        if (_minuteSeconds >= 20)
        {
            var calm = _minuteActiveSeconds <= CalmMinuteMaxActiveSeconds && HeartRateCalm();
            if (calm)
            {
                if (_calmMinutes == 0)
                {
                    _calmRunStartMinute = minute;
                }

                _calmMinutes++;
            }
            else
            {
                _calmMinutes = 0;
            }
        }

        if (nextMinute - minute > 1 + (MaxBridgedGapSeconds / 60))
        {
            _calmMinutes = 0; // A long gap: start counting afresh.
        }

        var needed = State == SleepState.AwaitingSleep ? SleepOnsetCalmMinutes : RearmCalmMinutes;
        if (State != SleepState.Asleep && _calmMinutes >= needed)
        {
            State = SleepState.Asleep;
            SleepOnset = DateTimeOffset.FromUnixTimeSeconds(_calmRunStartMinute * 60);
        }
    }

    private bool HeartRateCalm()
    {
        if (_minuteHeartRateCount == 0 || BaselineHeartRateBpm is not { } baseline)
        {
            return true;
        }

        Array.Sort(_minuteHeartRates, 0, _minuteHeartRateCount);
        var median = _minuteHeartRates[_minuteHeartRateCount / 2];
        var allowed = State == SleepState.Awake ? RearmMaxRiseBpm : CalmMinuteMaxRiseBpm;
        return median - baseline <= allowed;
    }
}
