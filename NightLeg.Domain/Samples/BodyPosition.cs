namespace NightLeg.Domain.Samples;

/// <summary>How the body lies, told from a chest strap's gravity vector (a wrist cannot tell it).</summary>
public enum BodyPosition
{
    /// <summary>On the back (supine): with feet stretched, the calves are short.</summary>
    Back,

    /// <summary>On either side.</summary>
    Side,

    /// <summary>On the stomach (prone): feet pointed, the article's cramp position.</summary>
    Stomach,

    /// <summary>Sitting up or standing.</summary>
    Upright,
}
