namespace NightLeg.Domain.Cramps;

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
