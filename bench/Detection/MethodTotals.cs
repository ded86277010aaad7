using System.Globalization;
using NightLeg.Evaluation;
using NightLeg.Sync.Simulation;

namespace NightLeg.Bench.Detection;

/// <summary>Scores summed over nights for one method (and device).</summary>
public sealed class MethodTotals
{
    private readonly List<double> _latencies = [];
    private readonly List<SleepStage?> _falseStages = [];

    public int Nights { get; private set; }

    public int Cramps { get; private set; }

    public int CrampsFound { get; private set; }

    public int CrampsAsked { get; private set; }

    public int Bouts1 { get; private set; }

    public int Bouts1Found { get; private set; }

    public int Bouts2 { get; private set; }

    public int Bouts2Found { get; private set; }

    public int PromptsBeforeSleep { get; private set; }

    public int EventsToAsk { get; private set; }

    public int BriefAwakenings { get; private set; }

    public double HoursAsleep { get; private set; }

    public int FalsePrompts => _falseStages.Count;

    public IReadOnlyList<SleepStage?> FalsePromptStages => _falseStages;

    public double CrampRecall => Cramps == 0 ? double.NaN : CrampsFound / (double)Cramps;

    public double FalsePromptsPerNight => Nights == 0 ? double.NaN : FalsePrompts / (double)Nights;

    public double FalsePromptsPerHourAsleep => HoursAsleep == 0 ? double.NaN : FalsePrompts / HoursAsleep;

    public double EventsToAskPerNight => Nights == 0 ? double.NaN : EventsToAsk / (double)Nights;

    public double MedianLatency => Percentile(0.5);

    public double P95Latency => Percentile(0.95);

    /// <summary>The totals of <paramref name="scores"/>.</summary>
    public static MethodTotals Of(IEnumerable<NightScore> scores)
    {
        var totals = new MethodTotals();
        foreach (var score in scores)
        {
            totals.Add(score);
        }

        return totals;
    }

    public void Add(NightScore score)
    {
        Nights++;
        Cramps += score.Cramps;
        CrampsFound += score.CrampsFound;
        CrampsAsked += score.CrampsAsked;
        Bouts1 += score.Bouts1Min;
        Bouts1Found += score.Bouts1MinFound;
        Bouts2 += score.Bouts2Min;
        Bouts2Found += score.Bouts2MinFound;
        PromptsBeforeSleep += score.PromptsBeforeSleep;
        EventsToAsk += score.EventsToAsk;
        BriefAwakenings += score.BriefAwakenings;
        HoursAsleep += score.HoursAsleep;
        _falseStages.AddRange(score.FalsePromptStages);
        _latencies.AddRange(score.LatenciesSeconds);
    }

    public void Add(MethodTotals other)
    {
        Nights += other.Nights;
        Cramps += other.Cramps;
        CrampsFound += other.CrampsFound;
        CrampsAsked += other.CrampsAsked;
        Bouts1 += other.Bouts1;
        Bouts1Found += other.Bouts1Found;
        Bouts2 += other.Bouts2;
        Bouts2Found += other.Bouts2Found;
        PromptsBeforeSleep += other.PromptsBeforeSleep;
        EventsToAsk += other.EventsToAsk;
        BriefAwakenings += other.BriefAwakenings;
        HoursAsleep += other.HoursAsleep;
        _falseStages.AddRange(other._falseStages);
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

    public const string SyntheticHeader =
        "| method / device | nights | cramp recall | cramps asked in the morning | wake ≥ 2 min found | false prompts per night | other events to ask per night | latency median | latency p95 |\n" +
        "|---|---|---|---|---|---|---|---|---|";

    public string SyntheticRow(string name) => string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {Nights} | {CrampsFound}/{Cramps} = {CrampRecall:0.000} | {CrampsAsked}/{CrampsFound} | {Bouts2Found}/{Bouts2} | {FalsePrompts} = {FalsePromptsPerNight:0.00} | {EventsToAskPerNight:0.00} | {Format(MedianLatency)} | {Format(P95Latency)} |");

    public const string RealHeader =
        "| method | nights | false prompts per night | per hour asleep | in N1 / N2 / N3 / REM / unscored | prompts before sleep onset | events to ask per night | not asked (brief or ordinary) per night | wake bouts ≥ 1 min found | ≥ 2 min found |\n" +
        "|---|---|---|---|---|---|---|---|---|---|";

    public string RealRow(string name)
    {
        int Count(SleepStage? stage) => _falseStages.Count(s => s == stage);
        string Share(SleepStage? stage) => FalsePrompts == 0 ? "0" : string.Create(CultureInfo.InvariantCulture, $"{Count(stage)} ({100.0 * Count(stage) / FalsePrompts:0} %)");
        return string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {Nights} | {FalsePrompts} = **{FalsePromptsPerNight:0.00}** | {FalsePromptsPerHourAsleep:0.00} | {Share(SleepStage.N1)} / {Share(SleepStage.N2)} / {Share(SleepStage.N3)} / {Share(SleepStage.Rem)} / {Count(null)} | {PromptsBeforeSleep} | **{EventsToAskPerNight:0.00}** | {BriefAwakenings / (double)Math.Max(1, Nights):0.00} | {Bouts1Found}/{Bouts1} | {Bouts2Found}/{Bouts2} |");
    }

    private static string Format(double seconds) => double.IsNaN(seconds) ? "–" : string.Create(CultureInfo.InvariantCulture, $"{seconds:0} s");
}
