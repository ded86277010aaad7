namespace NightLeg.Domain.Diary;

/// <summary>The evening check-in as entered (a form, an import), before validation: typed, with values that may be out of range. Immutable.</summary>
/// <param name="Ran">Ran today.</param>
/// <param name="RunKm">Distance in km.</param>
/// <param name="Effort">How hard the run was.</param>
/// <param name="Surface">What it was run on.</param>
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
    RunEffort? Effort = null,
    RunSurface? Surface = null,
    bool? OtherHardTraining = null,
    bool? NewShoes = null,
    bool? EnoughToDrink = null,
    bool? Alcohol = null,
    bool? MagnesiumOrSalt = null,
    bool? HeavyDuvet = null,
    IReadOnlyList<string>? Tags = null);
