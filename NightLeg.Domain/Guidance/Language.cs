namespace NightLeg.Domain.Guidance;

/// <summary>The languages the app speaks.</summary>
public enum Language
{
    /// <summary>English.</summary>
    English,

    /// <summary>Norwegian bokmål.</summary>
    NorwegianBokmal,
}
