using NightLeg.Domain.Detection;
using NightLeg.Domain.Guidance;

namespace NightLeg.Domain.Storage;

/// <summary>The user's settings. Immutable.</summary>
/// <param name="Language">App language; null follows the browser.</param>
/// <param name="Sensitivity">Detector sensitivity.</param>
/// <param name="TimeZoneId">IANA time zone nights are counted in; null uses the machine's.</param>
/// <param name="PromptSound">Sound and vibration with a prompt; off by default, and even when on only for awakenings movement corroborates (<see cref="AlertPolicy"/>).</param>
/// <param name="Distance">How run distances are shown (stored in km whatever this says).</param>
public sealed record UserSettings(Language? Language, Sensitivity Sensitivity, string? TimeZoneId, bool PromptSound = false, DistanceUnit Distance = DistanceUnit.Kilometres)
{
    /// <summary>Defaults: language from the browser, normal sensitivity, the machine's zone, silent prompts.</summary>
    public static UserSettings Default { get; } = new(null, Sensitivity.Normal, null);
}
