using NightLeg.Sync.Simulation;

namespace NightLeg.Evaluation;

/// <summary>
/// Scores detections against a night's truth, the same way for real and synthetic nights and for
/// every method (the rules of ../shared/data/real-nights/README.md):
/// <list type="bullet">
/// <item>a detection belongs to a wake bout (or cramp awakening) when it falls between its onset − 30 s and its end + 60 s;</item>
/// <item>a <b>false prompt</b> is a detection after sleep onset that belongs to no wake bout;</item>
/// <item>detections before sleep onset are counted apart;</item>
/// <item>wake bouts of ≥ 1 and ≥ 2 minutes after sleep onset are <b>found</b> when a detection belongs to them;</item>
/// <item><b>events to ask about</b>: every detection not on a cramp, before sleep onset too, that the morning review asks about.</item>
/// </list>
/// </summary>
public static class DetectionScorer
{
    /// <summary>A detection this long before a bout's onset still belongs to it (the onset is scored to the 30-s epoch).</summary>
    public static readonly TimeSpan Before = TimeSpan.FromSeconds(30);

    /// <summary>A detection this long after a bout's end still belongs to it.</summary>
    public static readonly TimeSpan After = TimeSpan.FromSeconds(60);

    /// <summary>Scores <paramref name="detections"/> (in any order) against <paramref name="truth"/>.</summary>
    public static NightScore Score(LabelledNight truth, IReadOnlyList<ScoredDetection> detections)
    {
        static bool Within(DateTimeOffset t, DateTimeOffset onset, DateTimeOffset end) => t >= onset - Before && t <= end + After;

        var ordered = detections.OrderBy(d => d.At).ToList();
        var latencies = new List<double>();
        var found = 0;
        var asked = 0;
        foreach (var cramp in truth.Cramps)
        {
            var first = ordered.FirstOrDefault(d => Within(d.At, cramp.Onset, cramp.End));
            if (first != default)
            {
                found++;
                asked += first.Review == Domain.Detection.ReviewKind.Ask ? 1 : 0;
                latencies.Add((first.At - cramp.Onset).TotalSeconds);
            }
        }

        var ordinary = truth.WakeBouts.Where(b => b.Onset >= truth.SleepOnset && b.Kind is not ("before-sleep" or "cramp")).ToList();
        var bouts1 = ordinary.Where(b => b.Duration >= TimeSpan.FromMinutes(1)).ToList();
        var bouts2 = bouts1.Where(b => b.Duration >= TimeSpan.FromMinutes(2)).ToList();
        bool Found(WakeBout b) => ordered.Any(d => Within(d.At, b.Onset, b.End));

        var falseStages = new List<SleepStage?>();
        var before = 0;
        var ask = 0;
        var brief = 0;
        foreach (var d in ordered)
        {
            if (d.At < truth.SleepOnset)
            {
                before++;
            }
            else if (!truth.WakeBouts.Any(b => Within(d.At, b.Onset, b.End)))
            {
                falseStages.Add(truth.StageAt(d.At));
            }

            // The morning review shows every event of the night, before sleep onset too: count what it asks.
            if (!truth.Cramps.Any(c => Within(d.At, c.Onset, c.End)))
            {
                if (d.Review == Domain.Detection.ReviewKind.Ask)
                {
                    ask++;
                }
                else
                {
                    brief++;
                }
            }
        }

        return new NightScore(truth.Cramps.Count, found, asked, latencies, falseStages, before,
            bouts1.Count, bouts1.Count(Found), bouts2.Count, bouts2.Count(Found), ask, brief, truth.TimeAsleep.TotalHours);
    }
}
