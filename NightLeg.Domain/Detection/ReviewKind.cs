namespace NightLeg.Domain.Detection;

/// <summary>How the morning review treats a detected event.</summary>
public enum ReviewKind
{
    /// <summary>Asked about: it may have been a cramp.</summary>
    Ask,

    /// <summary>A brief awakening: sleep came back within minutes and nobody answered; shown collapsed, not asked about.</summary>
    Brief,

    /// <summary>
    /// Awake for a while, but without a cramp's signs: the body did not keep working and the heart did not
    /// stay up (<see cref="AwakeningCourse"/>), and nobody answered; shown collapsed, not asked about.
    /// </summary>
    Ordinary,
}
