namespace NightLeg.Domain.Cramps;

/// <summary>
/// A cramp log as the user tapped it (or an import read it), before validation: typed, but with values
/// that may be out of range. <see cref="CrampReportValidator"/> turns it into <see cref="CrampDetails"/> or
/// says what is wrong. Words are read at the boundaries (the diary import), never here. Immutable.
/// </summary>
/// <param name="Leg">Which leg, or null.</param>
/// <param name="Location">Where in the leg, or null.</param>
/// <param name="Intensity">0–10, or null.</param>
/// <param name="DurationSeconds">Length of the cramp in seconds, or null.</param>
/// <param name="WhatHelped">Guidance step ids or short texts.</param>
/// <param name="BackToSleep">Fell asleep again, or null.</param>
/// <param name="BackToSleepAfterMinutes">Minutes until asleep again, or null (implies <paramref name="BackToSleep"/>).</param>
/// <param name="Note">Free note, or null.</param>
public sealed record CrampReport(
    Leg? Leg = null,
    CrampLocation? Location = null,
    int? Intensity = null,
    int? DurationSeconds = null,
    IReadOnlyList<string>? WhatHelped = null,
    bool? BackToSleep = null,
    int? BackToSleepAfterMinutes = null,
    string? Note = null);
