namespace NightLeg.Domain.Cramps;

/// <summary>Where an event is in its morning review.</summary>
public enum ReviewStatus
{
    /// <summary>Not reviewed yet.</summary>
    Pending,

    /// <summary>Confirmed as a cramp.</summary>
    Confirmed,

    /// <summary>Dismissed: not a cramp.</summary>
    Dismissed,
}
