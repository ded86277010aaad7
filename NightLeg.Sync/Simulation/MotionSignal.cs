namespace NightLeg.Sync.Simulation;

/// <summary>How a simulated wearable sends movement.</summary>
public enum MotionSignal
{
    /// <summary>No accelerometer.</summary>
    None,

    /// <summary>InfiniTime raw XYZ, sampled at 10 Hz and notified when it changes.</summary>
    InfiniTimeRawXyz,

    /// <summary>Polar PMD ACC frames at the rate the host started (asked for settings first).</summary>
    PolarPmdAcc,
}
