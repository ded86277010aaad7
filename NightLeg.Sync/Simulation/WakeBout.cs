namespace NightLeg.Sync.Simulation;

/// <summary>A stretch awake. Immutable.</summary>
/// <param name="Onset">UTC start.</param>
/// <param name="End">UTC end (asleep again, or the end of the recording).</param>
/// <param name="Kind"><c>before-sleep</c>, <c>wake</c>, <c>cramp</c> or <c>final</c>.</param>
public sealed record WakeBout(DateTimeOffset Onset, DateTimeOffset End, string Kind)
{
    /// <summary>Length of the bout.</summary>
    public TimeSpan Duration => End - Onset;
}
