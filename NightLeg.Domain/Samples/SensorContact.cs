namespace NightLeg.Domain.Samples;

/// <summary>Whether the heart-rate sensor reports skin contact (Heart Rate Service flags bits 1–2).</summary>
public enum SensorContact
{
    /// <summary>The sensor does not report contact (bits 1–2 are 0 or 1).</summary>
    Unsupported,

    /// <summary>The sensor reports contact but has none: the heart rate is not to be trusted.</summary>
    NotDetected,

    /// <summary>The sensor reports good skin contact.</summary>
    Detected,
}
