namespace NightLeg.Domain.Cramps;

/// <summary>
/// A cramp log as the user typed or tapped it, before validation: text where the user could enter
/// anything (a form field, an API call). <see cref="CrampReportValidator"/> turns it into
/// <see cref="CrampDetails"/> or says what is wrong. Immutable.
/// </summary>
/// <param name="Leg">"left", "right" or "both" (either language), or null.</param>
/// <param name="Location">"calf", "foot", "thigh" or "other", or null.</param>
/// <param name="Intensity">0–10, or null.</param>
/// <param name="DurationSeconds">Length of the cramp in seconds, or null.</param>
/// <param name="WhatHelped">Guidance step ids or short texts.</param>
/// <param name="BackToSleep">"yes", "no", or null.</param>
/// <param name="BackToSleepAfterMinutes">Minutes until asleep again, or null.</param>
/// <param name="Note">Free note, or null.</param>
public sealed record CrampReport(
    string? Leg = null,
    string? Location = null,
    int? Intensity = null,
    int? DurationSeconds = null,
    IReadOnlyList<string>? WhatHelped = null,
    string? BackToSleep = null,
    int? BackToSleepAfterMinutes = null,
    string? Note = null);
