using static NightLeg.Domain.Detection.DetectorConstants;

namespace NightLeg.Domain.Detection;

/// <summary>
/// The body's current bout of movement, tolerant of missing seconds: a bout begins at an active
/// second and lasts until <see cref="DetectorConstants.BoutEndStillSeconds"/> seconds *with data* pass
/// without one, or the data stop for longer than <see cref="DetectorConstants.MaxBridgedGapSeconds"/>.
/// A second without motion data neither extends nor ends it, so a wearable that drops a few seconds
/// now and then (real straps do: a 6–10 s gap every half minute in the MMASH recordings) sees the
/// same bout as one that drops none. Fixed memory; not thread-safe.
/// </summary>
public sealed class MovementBout
{
    private long _lastDataSecond = long.MinValue;

    /// <summary>True while a bout is going on.</summary>
    public bool Open { get; private set; }

    /// <summary>Unix second the bout began (its first active second).</summary>
    public long Start { get; private set; }

    /// <summary>Unix second of the bout's latest active second.</summary>
    public long LastActive { get; private set; }

    /// <summary>Active seconds in the bout so far.</summary>
    public int ActiveSeconds { get; private set; }

    /// <summary>Seconds with motion data since the bout began.</summary>
    public int DataSeconds { get; private set; }

    /// <summary>Seconds with data but no movement since the last active second.</summary>
    public int StillRun { get; private set; }

    /// <summary>Active share of the seconds with data since the bout began.</summary>
    public double ActiveShare => DataSeconds == 0 ? 0 : ActiveSeconds / (double)DataSeconds;

    /// <summary>The bout that ended most recently: its active seconds and the Unix second of its last movement.</summary>
    public (int ActiveSeconds, long LastActive)? Previous { get; private set; }

    /// <summary>Raised-by-return: the bout that <see cref="Add"/> just closed, if any.</summary>
    public (long Start, int ActiveSeconds)? JustEnded { get; private set; }

    /// <summary>Adds one second: <paramref name="hasMotion"/> when the second carried motion data.</summary>
    public void Add(long second, bool hasMotion, bool active)
    {
        JustEnded = null;
        if (Open && second - _lastDataSecond > MaxBridgedGapSeconds)
        {
            Close(); // we do not know what happened in a long gap
        }

        if (!hasMotion)
        {
            return;
        }

        _lastDataSecond = second;
        if (active)
        {
            if (!Open)
            {
                Open = true;
                Start = second;
                ActiveSeconds = 0;
                DataSeconds = 0;
            }

            ActiveSeconds++;
            DataSeconds++;
            LastActive = second;
            StillRun = 0;
            return;
        }

        if (!Open)
        {
            return;
        }

        DataSeconds++;
        StillRun++;
        if (StillRun >= BoutEndStillSeconds)
        {
            Close();
        }
    }

    /// <summary>Ends the bout now (a long gap, or the stream reset).</summary>
    public void Close()
    {
        if (!Open)
        {
            return;
        }

        Open = false;
        Previous = (ActiveSeconds, LastActive);
        JustEnded = (Start, ActiveSeconds);
        StillRun = 0;
    }
}
