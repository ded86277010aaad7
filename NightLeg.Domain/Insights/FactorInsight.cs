namespace NightLeg.Domain.Insights;

/// <summary>One factor against the cramp nights. Immutable.</summary>
/// <param name="Factor">The factor's id (see <see cref="Factors"/>; own tags are <c>tag:word</c>).</param>
/// <param name="WithNights">Nights with the factor (answered yes or measured).</param>
/// <param name="WithCrampNights">Of those, nights with a confirmed cramp.</param>
/// <param name="WithoutNights">Nights without it (answered no or measured).</param>
/// <param name="WithoutCrampNights">Of those, cramp nights.</param>
/// <param name="Difference">Cramp-night rate with minus without (−1…1).</param>
/// <param name="Low">Lower end of the 95 % interval of the difference (Newcombe).</param>
/// <param name="High">Upper end.</param>
/// <param name="PValue">Fisher's exact test, two-sided.</param>
/// <param name="QValue">The p-value adjusted across all factors with enough nights (Benjamini–Hochberg).</param>
/// <param name="Verdict">What to say.</param>
/// <param name="MoreNightsWith">With <see cref="InsightVerdict.NotEnoughNights"/>: nights still needed with the factor.</param>
/// <param name="MoreNightsWithout">Nights still needed without it.</param>
public sealed record FactorInsight(
    string Factor,
    int WithNights,
    int WithCrampNights,
    int WithoutNights,
    int WithoutCrampNights,
    double Difference,
    double Low,
    double High,
    double PValue,
    double QValue,
    InsightVerdict Verdict,
    int MoreNightsWith,
    int MoreNightsWithout)
{
    /// <summary>Cramp-night rate with the factor.</summary>
    public double WithRate => WithNights == 0 ? 0 : (double)WithCrampNights / WithNights;

    /// <summary>Cramp-night rate without it.</summary>
    public double WithoutRate => WithoutNights == 0 ? 0 : (double)WithoutCrampNights / WithoutNights;
}
