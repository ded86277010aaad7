namespace NightLeg.Sync.Simulation;

/// <summary>The wearables the simulator can imitate, byte for byte.</summary>
public enum SimulatedDevice
{
    /// <summary>A plain chest strap: Heart Rate Measurement with RR intervals, 1 Hz, nothing else.</summary>
    HrStrap,

    /// <summary>PineTime/InfiniTime: heart rate without RR (on change) and raw XYZ at 10 Hz (on change).</summary>
    InfiniTime,

    /// <summary>Polar H10: heart rate with RR at 1 Hz and PMD ACC at 52 Hz (raw int16 frames).</summary>
    PolarH10,

    /// <summary>An optical wrist heart rate as a smartwatch sends it overnight: uint8 bpm about every 5 s, with gaps; no RR, no motion (the real nights' kind).</summary>
    WristHr,
}
