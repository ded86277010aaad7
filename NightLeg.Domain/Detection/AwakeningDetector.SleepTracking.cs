using NightLeg.Domain.Samples;
using static NightLeg.Domain.Detection.DetectorConstants;

namespace NightLeg.Domain.Detection;

/// <summary>The detector, part three: falling asleep (calm minutes in a row), asleep again (<see cref="SleepReturnTracker"/>), and learning the sleeper.</summary>
public sealed partial class AwakeningDetector
{
    private void CloseMinuteIfNew(long second)
    {
        var minuteStart = second - (((second % 60) + 60) % 60);
        if (minuteStart == _minuteStart)
        {
            return;
        }

        if (_minuteStart != long.MinValue)
        {
            EvaluateMinute(_minuteStart, minuteStart);
            _profile.Refresh();
        }

        _minuteStart = minuteStart;
        _minute.Reset(_minute.EndsActive);
    }

    /// <summary>Falling asleep at the start of the night: <see cref="DetectorConstants.SleepOnsetCalmMinutes"/> calm minutes in a row.</summary>
    private void EvaluateMinute(long minuteStart, long nextMinuteStart)
    {
        if (State != SleepState.AwaitingSleep)
        {
            return;
        }

        if (_minute.HasEnoughData)
        {
            if (_minute.IsCalm(BaselineHeartRateBpm, CalmMinuteMaxRiseBpm))
            {
                if (_calmMinutes == 0)
                {
                    _calmRunStartMinute = minuteStart;
                }

                _calmMinutes++;
            }
            else
            {
                _calmMinutes = 0;
            }
        }

        if (nextMinuteStart - minuteStart > 60 + MaxBridgedGapSeconds)
        {
            _calmMinutes = 0; // A long gap: start counting afresh.
        }

        if (_calmMinutes >= SleepOnsetCalmMinutes)
        {
            State = SleepState.Asleep;
            SleepOnset = DateTimeOffset.FromUnixTimeSeconds(_calmRunStartMinute);
        }
    }

    /// <summary>After a detection: asleep again by the one rule the morning review uses too.</summary>
    private void TrackReturn(in SecondEpoch epoch)
    {
        if (State == SleepState.Awake && _return.Add(epoch))
        {
            State = SleepState.Asleep;
            SleepOnset = _return.AsleepAgainAt;
            if (_lastDetection is { } last && _return.AsleepAgainAt - last.Onset <= AwakeningReview.BriefAwakeningWindow)
            {
                CountQuietPrompt(last);
            }
        }
    }

    private void FollowCourse(in SecondEpoch epoch)
    {
        CourseProgress = _course.Add(epoch);
        if (CourseProgress == AwakeningCourseProgress.Done)
        {
            LearnFromCourse();
        }
    }

    /// <summary>A motion prompt whose awakening did not look like a cramp (<see cref="AwakeningReview.LooksLikeCramp"/>) teaches that this sleeper's ordinary movement reaches the rule.</summary>
    private void LearnFromCourse()
    {
        if (_course.Detection is { } detection && _course.Course is { HasMotion: true } course && AwakeningReview.LooksLikeCramp(course) == false)
        {
            CountQuietPrompt(detection);
        }
    }

    /// <summary>A prompt tonight that was not a cramp: with motion the next needs more movement (<see cref="DetectorThresholds.LearnedMovementStep"/>); with heart rate alone, after a few, a higher rise (<see cref="DetectorConstants.LearnedHeartRateStep"/>).</summary>
    private void CountQuietPrompt(AwakeningDetected detection)
    {
        if (_countedQuiet)
        {
            return;
        }

        _countedQuiet = true;
        if (detection.Evidence == DetectionEvidence.HeartRateOnly)
        {
            _quietHeartPrompts++;
        }
        else
        {
            _quietMotionPrompts++;
        }
    }

    /// <summary>Every second asleep teaches the sleeper's rise distribution; a rise past the heart-rate-only allowance unsettles the sleep.</summary>
    private void Learn(double? rise, double aloneAllowance, long second)
    {
        if (rise is not { } r)
        {
            return;
        }

        if (r >= Math.Max(aloneAllowance, _profile.SurgeLevelBpm))
        {
            _lastSurgeSecond = second;
        }

        if (State == SleepState.Asleep)
        {
            _profile.Add(r);
        }
    }
}
