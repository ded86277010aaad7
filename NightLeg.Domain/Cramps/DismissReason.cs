namespace NightLeg.Domain.Cramps;

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
