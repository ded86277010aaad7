namespace NightLeg.Domain.Detection;

/// <summary>How the morning review treats a detected event.</summary>
public enum ReviewKind
{
    /// <summary>Asked about: it may have been a cramp.</summary>
    Ask,

    /// <summary>A brief awakening: sleep came back within minutes and nobody answered; shown collapsed, not asked about.</summary>
    Brief,
}
