namespace NightLeg.Domain.Insights;

/// <summary>"What goes with your cramp nights": every factor, strongest first. Immutable.</summary>
/// <param name="Nights">Nights looked at.</param>
/// <param name="CrampNights">Of those, cramp nights.</param>
/// <param name="Factors">One entry per factor seen, strongest association first, then the undecided, then those that need more nights.</param>
/// <param name="FalseDiscoveryRate">The rate at which factors are called (Benjamini–Hochberg): of the factors called, at most this share is expected to be chance.</param>
/// <param name="MinimumNightsEachSide">Nights needed with and without a factor before it is judged.</param>
public sealed record InsightReport(int Nights, int CrampNights, IReadOnlyList<FactorInsight> Factors, double FalseDiscoveryRate, int MinimumNightsEachSide);
