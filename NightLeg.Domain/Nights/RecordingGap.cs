namespace NightLeg.Domain.Nights;

/// <summary>A stretch of the night without data. Immutable.</summary>
/// <param name="Start">UTC instant the data stopped.</param>
/// <param name="End">UTC instant the data resumed.</param>
/// <param name="Reason">Why.</param>
public sealed record RecordingGap(DateTimeOffset Start, DateTimeOffset End, GapReason Reason)
{
    /// <summary>Length of the gap.</summary>
    public TimeSpan Duration => End - Start;
}
