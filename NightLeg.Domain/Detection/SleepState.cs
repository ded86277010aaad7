namespace NightLeg.Domain.Detection;

/// <summary>What the detector believes about the sleeper right now.</summary>
public enum SleepState
{
    /// <summary>Not yet asleep tonight (or the recording just started): no prompts.</summary>
    AwaitingSleep,

    /// <summary>Established sleep: an awakening out of it raises a prompt.</summary>
    Asleep,

    /// <summary>Awake after a detected awakening: no more prompts until asleep again.</summary>
    Awake,
}
