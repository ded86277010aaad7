namespace NightLeg.Sync.Simulation;

/// <summary>Sleep stages as polysomnography scores them (AASM; N4 of older scoring is read as N3).</summary>
public enum SleepStage : byte
{
    /// <summary>Awake.</summary>
    Wake = 0,

    /// <summary>Light sleep, stage 1.</summary>
    N1 = 1,

    /// <summary>Light sleep, stage 2.</summary>
    N2 = 2,

    /// <summary>Deep (slow-wave) sleep.</summary>
    N3 = 3,

    /// <summary>Rapid-eye-movement sleep.</summary>
    Rem = 5,
}
