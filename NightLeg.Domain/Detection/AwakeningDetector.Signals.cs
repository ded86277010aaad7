using NightLeg.Domain.Samples;
using static NightLeg.Domain.Detection.DetectorConstants;

namespace NightLeg.Domain.Detection;

/// <summary>The detector, part two: the rolling signals (heart-rate median, activity window, lagged baseline, posture, gaps).</summary>
public sealed partial class AwakeningDetector
{
    /// <summary>
    /// Every second's heart rate enters a 60-s delay line and then the 10-min median, unless the
    /// sleeper is awake after a prompt (then the baseline holds still until sleep returns).
    /// </summary>
    private void FeedBaseline(double? heartRate)
    {
        var value = heartRate ?? double.NaN;
        if (_lagCount == _lagLine.Length)
        {
            var leaving = _lagLine[_lagIndex];
            if (!double.IsNaN(leaving) && State != SleepState.Awake)
            {
                _baseline.Add(leaving);
            }
        }
        else
        {
            _lagCount++;
        }

        _lagLine[_lagIndex] = State == SleepState.Awake ? double.NaN : value;
        _lagIndex = (_lagIndex + 1) % _lagLine.Length;
    }

    private void TrackPosture(Posture? posture)
    {
        if (posture is not { } p)
        {
            return;
        }

        _lastPosture = p;
        if (_bout.Open && BodyPositions.Of(p) == BodyPosition.Upright)
        {
            _uprightSeconds++;
        }
        else if (!_bout.Open)
        {
            _uprightSeconds = 0;
        }

        if (_inDisturbance || State == SleepState.Awake)
        {
            return;
        }

        // Slow average (time constant ≈ 50 s) of the posture while calm: the sleeping posture.
        _sleepPosture = _sleepPosture is { } s
            ? Posture.FromVector((s.X * 0.98) + (p.X * 0.02), (s.Y * 0.98) + (p.Y * 0.02), (s.Z * 0.98) + (p.Z * 0.02)) ?? p
            : p;
    }

    private void Push(double? heartRate, bool active)
    {
        var activeIndex = (int)(((_lastSecond % ActivityWindowSeconds) + ActivityWindowSeconds) % ActivityWindowSeconds);
        if (_active[activeIndex])
        {
            _activeCount--;
        }

        _active[activeIndex] = active;
        if (active)
        {
            _activeCount++;
        }

        _heartRates[_ringIndex] = heartRate;
        _ringIndex = (_ringIndex + 1) % HeartRateMedianSeconds;
    }

    private double? MedianHeartRate()
    {
        var n = 0;
        foreach (var value in _heartRates)
        {
            if (value is not null)
            {
                _medianScratch[n++] = value;
            }
        }

        if (n < HeartRateMedianMinimumReadings)
        {
            return null;
        }

        // Insertion sort of at most five values.
        for (var i = 1; i < n; i++)
        {
            var v = _medianScratch[i];
            var j = i - 1;
            for (; j >= 0 && _medianScratch[j] > v; j--)
            {
                _medianScratch[j + 1] = _medianScratch[j];
            }

            _medianScratch[j + 1] = v;
        }

        return n % 2 == 1 ? _medianScratch[n / 2] : (_medianScratch[(n / 2) - 1] + _medianScratch[n / 2]) / 2;
    }

    private void BridgeGap(long second)
    {
        if (_lastSecond == long.MinValue)
        {
            return;
        }

        var missing = second - _lastSecond - 1;
        if (missing > MaxBridgedGapSeconds)
        {
            Array.Clear(_heartRates);
            Array.Clear(_active);
            _activeCount = 0;
            EndDisturbance();
            return;
        }

        for (var i = 0; i < missing; i++)
        {
            _lastSecond++;
            Push(null, active: false);
        }
    }
}
