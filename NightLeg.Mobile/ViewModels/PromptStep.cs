namespace NightLeg.Mobile.ViewModels;

/// <summary>Where the cramp prompt is.</summary>
public enum PromptStep
{
    /// <summary>Not shown.</summary>
    Hidden,

    /// <summary>"A cramp?" with Cramp / Not a cramp / Later.</summary>
    Question,

    /// <summary>Relief guidance, one step at a time.</summary>
    Guidance,

    /// <summary>Leg and intensity.</summary>
    QuickLog,

    /// <summary>Saved.</summary>
    Done,
}
