using NightLeg.Domain.Nights;

namespace NightLeg.Domain.Insights;

/// <summary>
/// One night as the insights see it: was it a cramp night, and which factors were present or absent
/// (a factor missing from <see cref="Factors"/> is unknown that night and not counted). Immutable.
/// </summary>
/// <param name="Night">The night.</param>
/// <param name="CrampNight">True when a cramp was confirmed (or logged) that night.</param>
/// <param name="Factors">Factor id → present.</param>
public sealed record NightFacts(NightId Night, bool CrampNight, IReadOnlyDictionary<string, bool> Factors);
