namespace NightLeg.Domain.Insights;

/// <summary>
/// For each factor: the cramp-night rate with and without it, the difference with a 95 % interval
/// meant for small counts (Newcombe), Fisher's exact p-value, and a verdict. A factor is judged only
/// with at least <see cref="MinimumNightsEachSide"/> nights with it and without it; across the judged
/// factors false discoveries are controlled at <see cref="FalseDiscoveryRate"/> (Benjamini–Hochberg),
/// so one chance association among a dozen factors is not called a pattern. It shows what goes
/// together, never what causes what. Pure.
/// </summary>
public static class CrampInsights
{
    /// <summary>Nights needed with and without a factor before it is judged.</summary>
    public const int MinimumNightsEachSide = 8;

    /// <summary>Share of called factors that may be chance.</summary>
    public const double FalseDiscoveryRate = 0.10;

    /// <summary>Looks at every factor that appears in <paramref name="nights"/>.</summary>
    public static InsightReport Analyze(IReadOnlyList<NightFacts> nights)
    {
        var factorIds = nights.SelectMany(n => n.Factors.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var counted = factorIds.Select(id =>
        {
            var with = nights.Where(n => n.Factors.TryGetValue(id, out var present) && present).ToList();
            var without = nights.Where(n => n.Factors.TryGetValue(id, out var present) && !present).ToList();
            return (Id: id, With: with.Count, WithCramps: with.Count(n => n.CrampNight), Without: without.Count, WithoutCramps: without.Count(n => n.CrampNight));
        }).ToList();

        var judged = counted.Where(c => c.With >= MinimumNightsEachSide && c.Without >= MinimumNightsEachSide).ToList();
        var p = judged.Select(c => SmallCountStatistics.FisherExactTwoSided(c.WithCramps, c.With, c.WithoutCramps, c.Without)).ToList();
        var q = SmallCountStatistics.BenjaminiHochberg(p);
        var insights = counted.Select(c =>
        {
            var index = judged.IndexOf(c);
            var (low, high) = SmallCountStatistics.DifferenceInterval(c.WithCramps, c.With, c.WithoutCramps, c.Without);
            var difference = (c.With == 0 ? 0 : (double)c.WithCramps / c.With) - (c.Without == 0 ? 0 : (double)c.WithoutCramps / c.Without);
            var verdict = index < 0
                ? InsightVerdict.NotEnoughNights
                : q[index] <= FalseDiscoveryRate ? (difference > 0 ? InsightVerdict.MoreCramps : InsightVerdict.FewerCramps) : InsightVerdict.NoClearDifference;
            return new FactorInsight(c.Id, c.With, c.WithCramps, c.Without, c.WithoutCramps, difference, low, high,
                index < 0 ? 1 : p[index], index < 0 ? 1 : q[index], verdict,
                Math.Max(0, MinimumNightsEachSide - c.With), Math.Max(0, MinimumNightsEachSide - c.Without));
        });

        // Strongest first: called factors by how far their interval stays from zero, then the rest by evidence, then those that wait for nights.
        var ordered = insights
            .OrderBy(i => i.Verdict switch { InsightVerdict.MoreCramps or InsightVerdict.FewerCramps => 0, InsightVerdict.NoClearDifference => 1, _ => 2 })
            .ThenByDescending(i => i.Verdict == InsightVerdict.NotEnoughNights ? i.WithNights + i.WithoutNights : Math.Max(i.Low, -i.High))
            .ThenBy(i => i.PValue)
            .ThenBy(i => i.Factor, StringComparer.Ordinal)
            .ToList();
        return new InsightReport(nights.Count, nights.Count(n => n.CrampNight), ordered, FalseDiscoveryRate, MinimumNightsEachSide);
    }
}
