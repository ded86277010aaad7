namespace NightLeg.Domain.Storage;

/// <summary>How run distances are shown (always stored in kilometres).</summary>
public enum DistanceUnit
{
    /// <summary>Kilometres (the default).</summary>
    Kilometres,

    /// <summary>Miles.</summary>
    Miles,
}
