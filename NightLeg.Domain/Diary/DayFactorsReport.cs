namespace NightLeg.Domain.Diary;

/// <summary>The evening check-in as entered (a form, an import), before validation. Immutable.</summary>
/// <param name="Ran">Ran today.</param>
/// <param name="RunKm">Distance in km.</param>
/// <param name="Effort">"easy" or "hard".</param>
/// <param name="Surface">"road", "trail", "track" or "treadmill".</param>
/// <param name="OtherHardTraining">Other hard training.</param>
/// <param name="NewShoes">New or different shoes.</param>
/// <param name="EnoughToDrink">Drank enough.</param>
/// <param name="Alcohol">Alcohol.</param>
/// <param name="MagnesiumOrSalt">Magnesium, salt or electrolytes.</param>
/// <param name="HeavyDuvet">Heavy or tucked-in duvet.</param>
/// <param name="Tags">Own tags.</param>
public sealed record DayFactorsReport(
    bool? Ran = null,
    double? RunKm = null,
    string? Effort = null,
    string? Surface = null,
    bool? OtherHardTraining = null,
    bool? NewShoes = null,
    bool? EnoughToDrink = null,
    bool? Alcohol = null,
    bool? MagnesiumOrSalt = null,
    bool? HeavyDuvet = null,
    IReadOnlyList<string>? Tags = null);
