namespace NightLeg.Domain.Cramps;

/// <summary>Whether the user got back to sleep after the cramp, and how long it took. Immutable.</summary>
/// <param name="Slept">True when they fell asleep again that night.</param>
/// <param name="After">How long it took, when they know.</param>
public sealed record BackToSleep(bool Slept, TimeSpan? After)
{
    /// <summary>Fell asleep again (time unknown).</summary>
    public static BackToSleep Yes { get; } = new(true, null);

    /// <summary>Did not fall asleep again.</summary>
    public static BackToSleep No { get; } = new(false, null);

    /// <summary>Fell asleep again after <paramref name="duration"/>.</summary>
    public static BackToSleep AfterDuration(TimeSpan duration) => new(true, duration);
}
