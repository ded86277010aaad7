using MathNet.Numerics.Distributions;

namespace NightLeg.Domain.Insights;

/// <summary>
/// Statistics meant for small counts: Fisher's exact test for a 2×2 table, Wilson's score interval
/// for a proportion, Newcombe's hybrid score interval for a difference of two proportions
/// (Newcombe 1998, Stat Med 17:873, method 10: good coverage down to a handful of nights), and
/// Benjamini–Hochberg adjusted p-values across several factors. Pure.
/// </summary>
public static class SmallCountStatistics
{
    /// <summary>z for a two-sided 95 % interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>
    /// Two-sided p-value of Fisher's exact test: with <paramref name="withNights"/> nights having a factor
    /// (<paramref name="withEvents"/> of them cramp nights) and <paramref name="withoutNights"/> without it
    /// (<paramref name="withoutEvents"/> cramp nights), the chance under "no association" of a table at
    /// most as likely as this one.
    /// </summary>
    public static double FisherExactTwoSided(int withEvents, int withNights, int withoutEvents, int withoutNights)
    {
        var total = withNights + withoutNights;
        var events = withEvents + withoutEvents;
        if (withNights == 0 || withoutNights == 0 || events == 0 || events == total)
        {
            return 1;
        }

        var distribution = new Hypergeometric(total, events, withNights);
        var observed = distribution.Probability(withEvents);
        var p = 0.0;
        for (var x = Math.Max(0, withNights - (total - events)); x <= Math.Min(events, withNights); x++)
        {
            var probability = distribution.Probability(x);
            if (probability <= observed * (1 + 1e-7))
            {
                p += probability;
            }
        }

        return Math.Min(1, p);
    }

    /// <summary>Wilson's 95 % score interval for <paramref name="events"/> out of <paramref name="n"/>.</summary>
    public static (double Low, double High) Wilson(int events, int n)
    {
        if (n == 0)
        {
            return (0, 1);
        }

        var p = (double)events / n;
        var z2 = Z95 * Z95;
        var centre = (p + (z2 / (2 * n))) / (1 + (z2 / n));
        var half = Z95 / (1 + (z2 / n)) * Math.Sqrt((p * (1 - p) / n) + (z2 / (4.0 * n * n)));
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>Newcombe's hybrid score 95 % interval for p₁ − p₂.</summary>
    public static (double Low, double High) DifferenceInterval(int events1, int n1, int events2, int n2)
    {
        var p1 = n1 == 0 ? 0 : (double)events1 / n1;
        var p2 = n2 == 0 ? 0 : (double)events2 / n2;
        var (l1, u1) = Wilson(events1, n1);
        var (l2, u2) = Wilson(events2, n2);
        var d = p1 - p2;
        return (d - Math.Sqrt(((p1 - l1) * (p1 - l1)) + ((u2 - p2) * (u2 - p2))), d + Math.Sqrt(((u1 - p1) * (u1 - p1)) + ((p2 - l2) * (p2 - l2))));
    }

    /// <summary>Benjamini–Hochberg adjusted p-values (q-values), in the order given.</summary>
    public static IReadOnlyList<double> BenjaminiHochberg(IReadOnlyList<double> pValues)
    {
        var m = pValues.Count;
        var order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ToArray();
        var q = new double[m];
        var running = 1.0;
        for (var rank = m; rank >= 1; rank--)
        {
            var i = order[rank - 1];
            running = Math.Min(running, pValues[i] * m / rank);
            q[i] = Math.Min(1, running);
        }

        return q;
    }
}
