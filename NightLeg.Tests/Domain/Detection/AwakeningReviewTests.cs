using NightLeg.Domain.Detection;
using NightLeg.Domain.Samples;
using NightLeg.Tests.Fakes;

namespace NightLeg.Tests.Domain.Detection;

public sealed class AwakeningReviewTests
{
    [Fact]
    public void Classify_AsleepAgainWithinThreeMinutes_Unanswered_IsBrief()
    {
        var onset = new DateTimeOffset(2026, 3, 10, 1, 0, 0, TimeSpan.Zero);

        Assert.Equal(ReviewKind.Brief, AwakeningReview.Classify(onset, onset.AddMinutes(2), null, answered: false));
    }

    [Fact]
    public void Classify_AsleepAgainAfterEightMinutes_IsAsked()
    {
        var onset = new DateTimeOffset(2026, 3, 10, 1, 0, 0, TimeSpan.Zero);

        Assert.Equal(ReviewKind.Ask, AwakeningReview.Classify(onset, onset.AddMinutes(8), null, answered: false));
    }

    [Fact]
    public void Classify_NeverAsleepAgain_IsAsked()
    {
        var onset = new DateTimeOffset(2026, 3, 10, 1, 0, 0, TimeSpan.Zero);

        Assert.Equal(ReviewKind.Ask, AwakeningReview.Classify(onset, null, null, answered: false));
    }

    [Fact]
    public void Classify_AnsweredInTheNight_KeepsItsQuestionEvenIfBrief()
    {
        var onset = new DateTimeOffset(2026, 3, 10, 1, 0, 0, TimeSpan.Zero);

        Assert.Equal(ReviewKind.Ask, AwakeningReview.Classify(onset, onset.AddMinutes(1), null, answered: true));
    }

    [Fact]
    public void DetectorAndRule_ScriptedBriefAwakening_AgreeItWasBrief()
    {
        // Arrange: a turn-over with an arousal-sized heart-rate jump and movement, then straight back to sleep.
        var script = new EpochScript(seed: 6).Sleep(TimeSpan.FromMinutes(25)).Cramp(out var onset, riseBpm: 20, duration: TimeSpan.FromSeconds(30)).Sleep(TimeSpan.FromMinutes(12));
        var detector = new AwakeningDetector();
        AwakeningDetected? detection = null;

        // Act
        foreach (var epoch in script.Epochs)
        {
            var decided = detector.Process(epoch);
            detection ??= decided;
        }

        var offline = SleepReturnTracker.Find(script.Epochs, detection!.DetectedAt, detection.BaselineHeartRateBpm);

        // Assert: the detector's own "asleep again" and the rule run over the stored seconds agree.
        Assert.Equal(detector.AsleepAgainAt, offline);
        Assert.Equal(ReviewKind.Brief, AwakeningReview.Classify(detection.Onset, offline, null, answered: false));
    }

    [Fact]
    public void DetectorAndRule_ScriptedCrampAwakeForMinutes_AgreeItIsAsked()
    {
        // Arrange: a three-minute cramp, then four minutes lying awake and restless, then sleep.
        var script = new EpochScript(seed: 7).Sleep(TimeSpan.FromMinutes(25)).Cramp(out _, riseBpm: 20);
        for (var i = 0; i < 8; i++)
        {
            script.TurnOver().Sleep(TimeSpan.FromSeconds(15));
        }

        script.Sleep(TimeSpan.FromMinutes(12));
        var detector = new AwakeningDetector();
        var detections = new List<AwakeningDetected>();

        // Act
        foreach (var epoch in script.Epochs)
        {
            if (detector.Process(epoch) is { } d)
            {
                detections.Add(d);
            }
        }

        var detection = Assert.Single(detections);
        var offline = SleepReturnTracker.Find(script.Epochs, detection.DetectedAt, detection.BaselineHeartRateBpm);

        // Assert
        Assert.Equal(detector.AsleepAgainAt, offline);
        Assert.NotNull(offline);
        Assert.Equal(ReviewKind.Ask, AwakeningReview.Classify(detection.Onset, offline, null, answered: false));
    }
}
