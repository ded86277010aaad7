namespace NightLeg.Domain.Cramps;

/// <summary>How an event came to be.</summary>
public enum CrampEventSource
{
    /// <summary>The detector raised it.</summary>
    Detected,

    /// <summary>The user logged a cramp the detector missed.</summary>
    LoggedByHand,
}
