using static NightLeg.Domain.Detection.DetectorConstants;

namespace NightLeg.Domain.Detection;

/// <summary>
/// One minute summarised for the sleep rules: is it a minute a sleeper has, or one an awake person
/// has? Sleep has about 21 movements an hour and awake lying about 90 (Sicbaldi 2025), so a calm
/// minute holds at most one short movement; its heart rate is near the sleeping baseline. Mutable
/// accumulator with fixed memory (60 heart rates); not thread-safe.
/// </summary>
internal sealed class CalmMinute
{
    private readonly double[] _heartRates = new double[60];
    private int _heartRateCount;
    private bool _previousActive;

    /// <summary>Seconds in the minute with any data.</summary>
    public int DataSeconds { get; private set; }

    /// <summary>Seconds with movement at or above <see cref="DetectorConstants.ActiveMovementG"/>.</summary>
    public int ActiveSeconds { get; private set; }

    /// <summary>Separate movements that started in the minute (a run of active seconds is one).</summary>
    public int Movements { get; private set; }

    /// <summary>True when any second of the minute carried motion.</summary>
    public bool HasMotion { get; private set; }

    /// <summary>Starts a new minute; <paramref name="continuesMovement"/> says whether the second before it was active.</summary>
    public void Reset(bool continuesMovement = false)
    {
        _heartRateCount = 0;
        DataSeconds = 0;
        ActiveSeconds = 0;
        Movements = 0;
        HasMotion = false;
        _previousActive = continuesMovement;
    }

    /// <summary>Adds one second.</summary>
    public void Add(double? heartRateBpm, double? movementG)
    {
        if (heartRateBpm is null && movementG is null)
        {
            return; // a second without data neither starts nor ends a movement (real straps drop a few seconds now and then)
        }

        DataSeconds++;
        if (heartRateBpm is { } hr && _heartRateCount < _heartRates.Length)
        {
            _heartRates[_heartRateCount++] = hr;
        }

        if (movementG is null)
        {
            return; // heart rate only in this second: movement unknown, as in a gap
        }

        HasMotion = true;
        var active = movementG >= ActiveMovementG;

        if (active)
        {
            ActiveSeconds++;
            if (!_previousActive)
            {
                Movements++;
            }
        }

        _previousActive = active;
    }

    /// <summary>The last second added was active (a movement running into the next minute).</summary>
    public bool EndsActive => _previousActive;

    /// <summary>Enough data to judge: a third of the minute.</summary>
    public bool HasEnoughData => DataSeconds >= MinimumDataSeconds;

    /// <summary>
    /// Calm: at most <see cref="DetectorConstants.CalmMinuteMaxMovements"/> movements and
    /// <see cref="DetectorConstants.CalmMinuteMaxActiveSeconds"/> active seconds, and a median heart
    /// rate at most <paramref name="maxRiseBpm"/> above <paramref name="baselineBpm"/> (either part
    /// holds by default when its signal is missing).
    /// </summary>
    public bool IsCalm(double? baselineBpm, double maxRiseBpm)
    {
        if (HasMotion && (ActiveSeconds > CalmMinuteMaxActiveSeconds || Movements > CalmMinuteMaxMovements))
        {
            return false;
        }

        return _heartRateCount == 0 || baselineBpm is not { } baseline || Median() - baseline <= maxRiseBpm;
    }

    private double Median()
    {
        Array.Sort(_heartRates, 0, _heartRateCount);
        return _heartRateCount % 2 == 1
            ? _heartRates[_heartRateCount / 2]
            : (_heartRates[(_heartRateCount / 2) - 1] + _heartRates[_heartRateCount / 2]) / 2;
    }

    /// <summary>A minute with under a third of its seconds neither extends nor breaks a calm run.</summary>
    public const int MinimumDataSeconds = 20;
}
