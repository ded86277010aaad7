namespace NightLeg.Domain.Detection;

/// <summary>How readily the detector prompts. The thresholds of each level are in <see cref="DetectorThresholds"/>.</summary>
public enum Sensitivity
{
    /// <summary>Fewer prompts: needs a larger, longer heart-rate rise and more movement.</summary>
    Low,

    /// <summary>The default, tuned for ≥ 95% of cramp awakenings at ≤ 0.2 false prompts a night.</summary>
    Normal,

    /// <summary>Prompts on weaker evidence: for light sleepers whose cramps wake them gently.</summary>
    High,
}
