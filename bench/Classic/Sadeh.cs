namespace NightLeg.Bench.Classic;

/// <summary>
/// Sadeh et al. 1994 (Sleep 17:201), 1-minute epochs: PS = 7.601 − 0.065 MW5 − 1.08 NAT − 0.056 SD6
/// − 0.703 ln(A + 1); sleep when PS ≥ 0. MW5: mean activity over the 11-minute window centred on the
/// minute; NAT: minutes in that window with 50 ≤ A &lt; 100; SD6: SD of this and the 5 minutes before.
/// Counts capped at 300 as in the original. A wake onset is known 5 minutes later (the window's end).
/// </summary>
public static class Sadeh
{
    public const int FutureMinutes = 5;

    public static bool[] Wake(double?[] counts)
    {
        var a = counts.Select(c => Math.Min(300, c ?? 0)).ToArray();
        var wake = new bool[a.Length];
        for (var t = 0; t < a.Length; t++)
        {
            var window = Enumerable.Range(t - 5, 11).Where(i => i >= 0 && i < a.Length).Select(i => a[i]).ToList();
            var mw5 = window.Average();
            var nat = window.Count(x => x is >= 50 and < 100);
            var last6 = Enumerable.Range(t - 5, 6).Where(i => i >= 0).Select(i => a[i]).ToList();
            var mean6 = last6.Average();
            var sd6 = Math.Sqrt(last6.Sum(x => (x - mean6) * (x - mean6)) / Math.Max(1, last6.Count - 1));
            var ps = 7.601 - (0.065 * mw5) - (1.08 * nat) - (0.056 * sd6) - (0.703 * Math.Log(a[t] + 1));
            wake[t] = ps < 0;
        }

        return wake;
    }
}
