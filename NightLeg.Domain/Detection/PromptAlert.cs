namespace NightLeg.Domain.Detection;

/// <summary>What a prompt does besides appearing on the screen.</summary>
public enum PromptAlert
{
    /// <summary>Shown only: nothing sounds or vibrates.</summary>
    Silent,

    /// <summary>Shown, with a sound and a vibration.</summary>
    Sound,
}
