using NightLeg.Domain.Detection;
using NightLeg.Domain.Samples;

namespace NightLeg.Domain.History;

/// <summary>
/// Builds <see cref="SleepStatistics"/> online from a night's epochs and sleep states, in fixed
/// memory (a 1-bpm histogram and one minute of readings). Not thread-safe.
/// </summary>
public sealed class SleepStatisticsAccumulator
{
    private const int MinimumReadingsPerMinute = 30;
    private readonly long[] _histogram = new long[256];
    private readonly double[] _minute = new double[60];
    private long _histogramCount;
    private long _asleepSeconds;
    private long _currentMinute = long.MinValue;
    private int _minuteCount;
    private double? _lowest;

    /// <summary>Adds one second, in the state the detector was in after it.</summary>
    public void Add(in SecondEpoch epoch, SleepState state)
    {
        var second = epoch.Start.ToUnixTimeSeconds();
        var minute = second / 60;
        if (minute != _currentMinute)
        {
            CloseMinute();
            _currentMinute = minute;
        }

        if (state != SleepState.Asleep)
        {
            _minuteCount = 0; // A minute counts for the lowest only if all of it was asleep.
            return;
        }

        _asleepSeconds++;
        if (epoch.HeartRateBpm is { } hr)
        {
            _histogram[Math.Clamp((int)Math.Round(hr), 0, 255)]++;
            _histogramCount++;
            if (_minuteCount < _minute.Length)
            {
                _minute[_minuteCount++] = hr;
            }
        }
    }

    /// <summary>Sleep was established, counting back to <paramref name="onset"/>: adds the calm run before it.</summary>
    public void AddEstablishedRun(DateTimeOffset onset, DateTimeOffset now)
    {
        _asleepSeconds += Math.Max(0, (long)(now - onset).TotalSeconds);
    }

    /// <summary>The figures so far.</summary>
    public SleepStatistics Snapshot()
    {
        var lowest = _lowest;
        if (_minuteCount >= MinimumReadingsPerMinute)
        {
            var median = MinuteMedian();
            lowest = lowest is null ? median : Math.Min(lowest.Value, median);
        }

        return new SleepStatistics(TimeSpan.FromSeconds(_asleepSeconds), lowest, TypicalHeartRate());
    }

    private void CloseMinute()
    {
        if (_minuteCount >= MinimumReadingsPerMinute)
        {
            var median = MinuteMedian();
            _lowest = _lowest is null ? median : Math.Min(_lowest.Value, median);
        }

        _minuteCount = 0;
    }

    private double MinuteMedian()
    {
        var copy = _minute.AsSpan(0, _minuteCount).ToArray();
        Array.Sort(copy);
        return copy[copy.Length / 2];
    }

    private double? TypicalHeartRate()
    {
        if (_histogramCount == 0)
        {
            return null;
        }

        var target = (_histogramCount + 1) / 2;
        long seen = 0;
        for (var bin = 0; bin < _histogram.Length; bin++)
        {
            seen += _histogram[bin];
            if (seen >= target)
            {
                return bin;
            }
        }

        return null;
    }
}
