namespace NightLeg.Domain.Detection;

/// <summary>Which signals carried a detection.</summary>
public enum DetectionEvidence
{
    /// <summary>Heart rate rose above the sleeping baseline while the body moved.</summary>
    HeartRateAndMotion,

    /// <summary>A large, sustained heart-rate rise with little or no motion data.</summary>
    HeartRateOnly,

    /// <summary>Sustained movement while the heart rate had dropped out.</summary>
    MotionOnly,
}
