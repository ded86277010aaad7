using NightLeg.Domain.Detection;
using NightLeg.Evaluation;
using NightLeg.Sync.Simulation;

namespace NightLeg.Tests.Sync.Evaluation;

public sealed class DetectionScorerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 22, 0, 0, TimeSpan.Zero);

    private static LabelledNight Night(params WakeBout[] bouts) => new(
        "test", "test", T0, T0.AddHours(8), T0.AddMinutes(20), bouts,
        [new CrampAwakening(T0.AddHours(3), T0.AddHours(3).AddMinutes(2), T0.AddHours(3).AddMinutes(8), 18, false, false)],
        T0, Enumerable.Repeat((SleepStage?)SleepStage.N2, 960).ToList());

    [Fact]
    public void Score_DetectionInsideAWakeBoutWindow_IsNotFalse()
    {
        var night = Night(new WakeBout(T0.AddHours(1), T0.AddHours(1).AddMinutes(3), "wake"));

        var score = DetectionScorer.Score(night, [new ScoredDetection(T0.AddHours(1).AddSeconds(-25), ReviewKind.Brief), new ScoredDetection(T0.AddHours(1).AddMinutes(3).AddSeconds(55), ReviewKind.Ask)]);

        Assert.Equal(0, score.FalsePrompts);
        Assert.Equal((1, 1, 1, 1), (score.Bouts1Min, score.Bouts1MinFound, score.Bouts2Min, score.Bouts2MinFound));
    }

    [Fact]
    public void Score_DetectionWhileAsleep_IsFalseWithItsStage()
    {
        var score = DetectionScorer.Score(Night(), [new ScoredDetection(T0.AddHours(2), ReviewKind.Ask)]);

        Assert.Equal([SleepStage.N2], score.FalsePromptStages);
        Assert.Equal(1, score.EventsToAsk);
    }

    [Fact]
    public void Score_DetectionBeforeSleepOnset_CountedApartButStillAsked()
    {
        // Not a false prompt (the sleeper was awake), but the morning review shows it like any other.
        var score = DetectionScorer.Score(Night(), [new ScoredDetection(T0.AddMinutes(5), ReviewKind.Ask), new ScoredDetection(T0.AddMinutes(8), ReviewKind.Brief)]);

        Assert.Equal((0, 2, 1, 1), (score.FalsePrompts, score.PromptsBeforeSleep, score.EventsToAsk, score.BriefAwakenings));
    }

    [Fact]
    public void Score_CrampFoundAndAsked_LatencyFromOnset()
    {
        var score = DetectionScorer.Score(Night(), [new ScoredDetection(T0.AddHours(3).AddSeconds(14), ReviewKind.Ask)]);

        Assert.Equal((1, 1, 1), (score.Cramps, score.CrampsFound, score.CrampsAsked));
        Assert.Equal([14.0], score.LatenciesSeconds);
        Assert.Equal(0, score.EventsToAsk); // the cramp's own event is not an "other" question
    }
}
