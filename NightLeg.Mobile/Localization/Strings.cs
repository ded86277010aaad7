using NightLeg.Domain.Cramps;
using NightLeg.Domain.Guidance;

namespace NightLeg.Mobile.Localization;

/// <summary>
/// Every word the app shows, in English and Norwegian bokmål, in one place. Short on purpose: the
/// reader is half asleep or in pain. Thread-safe.
/// </summary>
public sealed partial class Strings(Language language)
{
    /// <summary>The language.</summary>
    public Language Language { get; } = language;

    /// <summary>A night's date in full: "Wednesday 2 December", "onsdag 2. desember".</summary>
    public string LongDate(DateOnly date) => date.ToString(Language == Language.NorwegianBokmal ? "dddd d'.' MMMM" : "dddd d MMMM", Culture);

    /// <summary>A night's date in a list: "Wed 2 Dec", "ons. 2. des.".</summary>
    public string ShortDate(DateOnly date) => date.ToString(Language == Language.NorwegianBokmal ? "ddd d'.' MMM" : "ddd d MMM", Culture);

    /// <summary>A date with its year: "2 December 2026", "2. desember 2026".</summary>
    public string DateWithYear(DateOnly date) => date.ToString(Language == Language.NorwegianBokmal ? "d'.' MMMM yyyy" : "d MMMM yyyy", Culture);

    /// <summary>The text for <paramref name="key"/> (the key itself when missing, so a gap is visible).</summary>
    public string this[string key] => Texts.TryGetValue(key, out var t) ? (Language == Language.NorwegianBokmal ? t.Nb : t.En) : key;

    /// <summary>The culture for dates and month names in this language (nb-NO or en-GB).</summary>
    public System.Globalization.CultureInfo Culture => System.Globalization.CultureInfo.GetCultureInfo(Language == Language.NorwegianBokmal ? "nb-NO" : "en-GB");

    /// <summary>A formatted text with dates in the language's own words (numbers stay invariant).</summary>
    public string FormatDates(string key, params object?[] args) => string.Format(Culture, this[key], args);

    /// <summary>A validation error from the domain or an import in this language, by its code (every code has its sentence: a test checks).</summary>
    public string Error(ValidationError error) => string.Format(Culture, this["error." + error.Code], [.. error.Args]);

    /// <summary>Several validation errors, one sentence each.</summary>
    public string Errors(IEnumerable<ValidationError> errors) => string.Join(" ", errors.Select(Error));

    /// <summary>A formatted text.</summary>
    public string Format(string key, params object?[] args) => string.Format(System.Globalization.CultureInfo.InvariantCulture, this[key], args);

    /// <summary>A count with its noun: <c>key.one</c> for 1, <c>key.many</c> otherwise.</summary>
    public string Count(string key, int n) => n == 1 ? this[key + ".one"] : Format(key + ".many", n);

    /// <summary>A guidance step's short title ("Stretch the calf").</summary>
    public string Title(GuidanceStep step) => this[$"guidance.{step.Id}.title"];

    /// <summary>What to do in a guidance step, in one or two sentences.</summary>
    public string Instruction(GuidanceStep step) => this[$"guidance.{step.Id}.instruction"];

    /// <summary>What helped, by a guidance step's id (an id from elsewhere as it is).</summary>
    public string Helped(string id) => ReliefGuidance.Find(id) is { } step ? Title(step) : id;

    /// <summary>Every key (for tests: both languages present for each).</summary>
    public static IEnumerable<(string Key, string En, string Nb)> All => Texts.Select(t => (t.Key, t.Value.En, t.Value.Nb));

    /// <summary>The language for an Accept-Language header: bokmål for nb, no, nn; else English.</summary>
    public static Language FromAcceptLanguage(string? header)
    {
        foreach (var part in (header ?? string.Empty).Split(','))
        {
            var tag = part.Split(';')[0].Trim().ToLowerInvariant();
            if (tag.StartsWith("nb", StringComparison.Ordinal) || tag.StartsWith("no", StringComparison.Ordinal) || tag.StartsWith("nn", StringComparison.Ordinal))
            {
                return Language.NorwegianBokmal;
            }

            if (tag.StartsWith("en", StringComparison.Ordinal))
            {
                return Language.English;
            }
        }

        return Language.English;
    }
}
