namespace NightLeg.Domain.Cramps;

/// <summary>
/// What the user told about one cramp; every part is optional (the night's quick log has only leg
/// and intensity). Built only through <see cref="CrampReportValidator"/>, so its values are valid.
/// Immutable.
/// </summary>
/// <param name="Leg">Which leg.</param>
/// <param name="Location">Where in the leg.</param>
/// <param name="Intensity">Pain 0–10 (0 none, 10 worst imaginable).</param>
/// <param name="Duration">How long the cramp itself lasted.</param>
/// <param name="WhatHelped">Guidance step ids (see <c>ReliefGuidance</c>) or short free texts.</param>
/// <param name="BackToSleep">Whether and when they slept again.</param>
/// <param name="Note">Free note.</param>
public sealed record CrampDetails(
    Leg? Leg,
    CrampLocation? Location,
    int? Intensity,
    TimeSpan? Duration,
    IReadOnlyList<string> WhatHelped,
    BackToSleep? BackToSleep,
    string? Note)
{
    /// <summary>No details yet.</summary>
    public static CrampDetails Empty { get; } = new(null, null, null, null, [], null, null);

    /// <summary>These details with the parts <paramref name="newer"/> has overriding them.</summary>
    public CrampDetails MergedWith(CrampDetails newer) => new(
        newer.Leg ?? Leg,
        newer.Location ?? Location,
        newer.Intensity ?? Intensity,
        newer.Duration ?? Duration,
        newer.WhatHelped.Count > 0 ? newer.WhatHelped : WhatHelped,
        newer.BackToSleep ?? BackToSleep,
        newer.Note ?? Note);
}
