using NightLeg.Domain.Detection;
using NightLeg.Domain.Guidance;

namespace NightLeg.Domain.Storage;

/// <summary>The user's settings. Immutable.</summary>
/// <param name="Language">App language; null follows the browser.</param>
/// <param name="Sensitivity">Detector sensitivity.</param>
/// <param name="TimeZoneId">IANA time zone nights are counted in; null uses the machine's.</param>
public sealed record UserSettings(Language? Language, Sensitivity Sensitivity, string? TimeZoneId)
{
    /// <summary>Defaults: language from the browser, normal sensitivity, the machine's zone.</summary>
    public static UserSettings Default { get; } = new(null, Sensitivity.Normal, null);
}
