namespace NightLeg.Domain.Diary;

/// <summary>Soreness left in the leg the next morning (trials ask for it). Immutable.</summary>
/// <param name="Had">True when the leg still hurt in the morning.</param>
/// <param name="Intensity">How much, 0–10, when they said.</param>
public sealed record LingeringPain(bool Had, int? Intensity);
