namespace NightLeg.Domain.Detection;

/// <summary>
/// A prompt never wakes anyone: a cramp wakes the user, and the prompt only has to be there when
/// they look. So a prompt is silent unless the user switched sound on, and even then it sounds only
/// when movement corroborates the awakening — a heart-rate surge alone is also what REM and brief
/// arousals look like, and a sound then would wake a sleeper.
/// </summary>
public static class AlertPolicy
{
    /// <summary>Active seconds between onset and decision that corroborate an awakening (a turn-over has 2–6; a cramp keeps the leg working).</summary>
    public const int CorroboratingActiveSeconds = 5;

    /// <summary>True when movement backs the detection: motion carried it and the body kept moving.</summary>
    public static bool IsMotionCorroborated(AwakeningDetected detection) =>
        detection.Evidence != DetectionEvidence.HeartRateOnly && detection.ActiveSeconds >= CorroboratingActiveSeconds;

    /// <summary>What the prompt for <paramref name="detection"/> does, with sound switched on or off.</summary>
    public static PromptAlert For(AwakeningDetected detection, bool soundEnabled) =>
        soundEnabled && IsMotionCorroborated(detection) ? PromptAlert.Sound : PromptAlert.Silent;
}
