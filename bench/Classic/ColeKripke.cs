namespace NightLeg.Bench.Classic;

/// <summary>
/// Cole, Kripke et al. 1992 (Sleep 15:461), 1-minute epochs, mean-activity weights:
/// D = 0.001 × (106 A₋₄ + 54 A₋₃ + 58 A₋₂ + 76 A₋₁ + 230 A₀ + 74 A₊₁ + 67 A₊₂); wake when D ≥ 1.
/// Scoring minute t needs two future minutes, so a wake onset is known 3 minutes after it began.
/// </summary>
public static class ColeKripke
{
    private static readonly double[] Weights = [106, 54, 58, 76, 230, 74, 67];

    public const int FutureMinutes = 2;

    public static bool[] Wake(double?[] counts)
    {
        var wake = new bool[counts.Length];
        for (var t = 0; t < counts.Length; t++)
        {
            double d = 0;
            for (var k = -4; k <= 2; k++)
            {
                var i = t + k;
                d += i >= 0 && i < counts.Length ? Weights[k + 4] * (counts[i] ?? 0) : 0;
            }

            wake[t] = 0.001 * d >= 1;
        }

        return wake;
    }
}
