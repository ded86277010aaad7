namespace NightLeg.Domain.Nights;

/// <summary>Why part of a night has no data.</summary>
public enum GapReason
{
    /// <summary>No usable samples arrived (sensor contact lost, values of 0, or silence).</summary>
    NoData,

    /// <summary>The Bluetooth link was lost and had to be re-established.</summary>
    LinkLost,
}

/// <summary>A stretch of the night without data. Immutable.</summary>
/// <param name="Start">UTC instant the data stopped.</param>
/// <param name="End">UTC instant the data resumed.</param>
/// <param name="Reason">Why.</param>
public sealed record RecordingGap(DateTimeOffset Start, DateTimeOffset End, GapReason Reason)
{
    /// <summary>Length of the gap.</summary>
    public TimeSpan Duration => End - Start;
}
