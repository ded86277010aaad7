namespace NightLeg.Sync.Simulation;

/// <summary>How a simulated wearable sends heart rate.</summary>
public enum HeartSignal
{
    /// <summary>A chest strap: 0x2A37 once a second, smoothed bpm, sensor contact, every RR interval.</summary>
    StrapWithRr,

    /// <summary>An optical sensor notifying only when the value changes (InfiniTime).</summary>
    OpticalOnChange,

    /// <summary>An optical sensor read about every 5 s, with gaps (a smartwatch overnight).</summary>
    OpticalPeriodic,

    /// <summary>An optical sensor notifying once a second, no RR (an arm band).</summary>
    OpticalEverySecond,
}
