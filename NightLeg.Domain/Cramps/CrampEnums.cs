namespace NightLeg.Domain.Cramps;

/// <summary>Which leg cramped.</summary>
public enum Leg
{
    /// <summary>The left leg.</summary>
    Left,

    /// <summary>The right leg.</summary>
    Right,

    /// <summary>Both legs.</summary>
    Both,
}

/// <summary>Where in the leg the cramp was.</summary>
public enum CrampLocation
{
    /// <summary>The calf (gastrocnemius/soleus): by far the most common.</summary>
    Calf,

    /// <summary>The sole or toes.</summary>
    Foot,

    /// <summary>The thigh (hamstrings or quadriceps).</summary>
    Thigh,

    /// <summary>Somewhere else.</summary>
    Other,
}

/// <summary>What the user answered to the prompt in the night.</summary>
public enum NightAnswer
{
    /// <summary>"Cramp": it was a cramp.</summary>
    Cramp,

    /// <summary>"Not a cramp": something else woke them.</summary>
    NotACramp,

    /// <summary>"Later": decide in the morning.</summary>
    Later,
}

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

/// <summary>Why a detected awakening was not a cramp.</summary>
public enum DismissReason
{
    /// <summary>Got up for the bathroom.</summary>
    Bathroom,

    /// <summary>A noise woke them.</summary>
    Noise,

    /// <summary>A child woke them.</summary>
    Child,

    /// <summary>A partner woke them.</summary>
    Partner,

    /// <summary>Something else (see the note).</summary>
    Other,
}

/// <summary>How an event came to be.</summary>
public enum CrampEventSource
{
    /// <summary>The detector raised it.</summary>
    Detected,

    /// <summary>The user logged a cramp the detector missed.</summary>
    LoggedByHand,
}
