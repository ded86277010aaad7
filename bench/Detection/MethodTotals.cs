using System.Globalization;

namespace NightLeg.Bench.Detection;

/// <summary>Scores summed over nights for one method.</summary>
public sealed class MethodTotals
{
    private readonly List<double> _latencies = [];

    public int Nights { get; private set; }

    public int Cramps { get; private set; }

    public int CrampsFound { get; private set; }

    public int LongBouts { get; private set; }

    public int LongBoutsFound { get; private set; }

    public int FalsePrompts { get; private set; }

    public double CrampRecall => Cramps == 0 ? double.NaN : CrampsFound / (double)Cramps;

    public double BoutRecall => LongBouts == 0 ? double.NaN : LongBoutsFound / (double)LongBouts;

    public double FalsePromptsPerNight => Nights == 0 ? double.NaN : FalsePrompts / (double)Nights;

    public double MedianLatency => Percentile(0.5);

    public double P95Latency => Percentile(0.95);

    public void Add(NightScore score)
    {
        Nights++;
        Cramps += score.Cramps;
        CrampsFound += score.CrampsFound;
        LongBouts += score.LongBouts;
        LongBoutsFound += score.LongBoutsFound;
        FalsePrompts += score.FalsePrompts;
        _latencies.AddRange(score.LatenciesSeconds);
    }

    public void Add(MethodTotals other)
    {
        Nights += other.Nights;
        Cramps += other.Cramps;
        CrampsFound += other.CrampsFound;
        LongBouts += other.LongBouts;
        LongBoutsFound += other.LongBoutsFound;
        FalsePrompts += other.FalsePrompts;
        _latencies.AddRange(other._latencies);
    }

    /// <summary>Nearest-rank percentile of the cramp detection latencies, in seconds.</summary>
    public double Percentile(double p)
    {
        if (_latencies.Count == 0)
        {
            return double.NaN;
        }

        var sorted = _latencies.Order().ToList();
        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public string Row(string name) => string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {Nights} | {CrampsFound}/{Cramps} = {CrampRecall:0.000} | {LongBoutsFound}/{LongBouts} = {BoutRecall:0.000} | {FalsePrompts} = {FalsePromptsPerNight:0.00} | {Format(MedianLatency)} | {Format(P95Latency)} |");

    private static string Format(double seconds) => double.IsNaN(seconds) ? "–" : string.Create(CultureInfo.InvariantCulture, $"{seconds:0} s");
}
