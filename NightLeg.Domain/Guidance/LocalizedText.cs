namespace NightLeg.Domain.Guidance;

/// <summary>A text in every language the app speaks. Immutable.</summary>
/// <param name="English">English text.</param>
/// <param name="NorwegianBokmal">Norwegian bokmål text.</param>
public sealed record LocalizedText(string English, string NorwegianBokmal)
{
    /// <summary>The text in <paramref name="language"/>.</summary>
    public string In(Language language) => language == Language.NorwegianBokmal ? NorwegianBokmal : English;
}
