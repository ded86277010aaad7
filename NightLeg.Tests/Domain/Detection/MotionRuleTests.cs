using NightLeg.Domain.Detection;
using NightLeg.Domain.Samples;
using NightLeg.Tests.Fakes;

namespace NightLeg.Tests.Domain.Detection;

/// <summary>
/// The motion rule meets what real sleep does (docs/detector.md): a turn-over with an arousal may be
/// prompted for silently, but is never asked about and never sounds; a cramp that keeps the leg
/// working is asked about, and — sound switched on — sounds once distress is plain.
/// </summary>
public sealed class MotionRuleTests
{
    /// <summary>Runs <paramref name="epochs"/> through a detector and follows each detection to its end.</summary>
    private static List<(AwakeningDetected Detection, AwakeningCourse? Course, DateTimeOffset? AsleepAgainAt)> Run(IEnumerable<SecondEpoch> epochs, bool chest = false,
        SleeperLearning? learning = null)
    {
        var detector = new AwakeningDetector(DetectorThresholds.Normal, learning: learning) { WornOnChest = chest };
        var found = new List<(AwakeningDetected, AwakeningCourse?, DateTimeOffset?)>();
        foreach (var epoch in epochs)
        {
            if (detector.Process(epoch) is { } d)
            {
                found.Add((d, null, null));
            }

            if (found.Count > 0 && detector.CourseProgress == AwakeningCourseProgress.Done)
            {
                found[^1] = found[^1] with { Item2 = detector.Course.Course };
            }

            if (found.Count > 0 && detector.AsleepAgainAt is { } asleep && found[^1].Item3 is null && detector.State == SleepState.Asleep)
            {
                found[^1] = found[^1] with { Item3 = asleep };
            }
        }

        return found;
    }

    [Fact]
    public void TurnOverWithArousal_NeverAskedAboutAndNeverSounds()
    {
        // Arrange: settled sleep, then what real sleepers do several times a night — the heart jumps +25 bpm,
        // the body moves most of half a minute and turns over — then sleep again.
        var script = new EpochScript(seed: 11).Sleep(TimeSpan.FromMinutes(30)).ArousalWithMovement(riseBpm: 25, seconds: 35).Sleep(TimeSpan.FromMinutes(15));

        // Act
        var results = Run(script.Epochs);

        // Assert: it reached the prompt rule (silently: a bout this long is what a cramp's first half-minute looks
        // like too), but the morning does not ask and nothing sounded.
        var result = Assert.Single(results);
        Assert.All([result], r =>
        {
            Assert.NotEqual(ReviewKind.Ask, AwakeningReview.Classify(r.Detection.Onset, r.AsleepAgainAt, r.Course, answered: false));
            Assert.Equal(PromptAlert.Silent, AlertPolicy.For(r.Course, soundEnabled: true));
        });
    }

    [Fact]
    public void CrampWithMovement_AskedAbout_SoundsOnceDistressIsPlain()
    {
        // Arrange: settled sleep, then a three-minute cramp (the leg worked in eight seconds of ten, heart +18), then lying awake.
        var script = new EpochScript(seed: 12).Sleep(TimeSpan.FromMinutes(30)).Cramp(out var onset, riseBpm: 18).SettleBack(TimeSpan.FromMinutes(6));

        // Act
        var (detection, course, asleep) = Assert.Single(Run(script.Epochs));

        // Assert: found within half a minute, asked about, and distress plain after a minute and a half.
        Assert.InRange((detection.DetectedAt - onset).TotalSeconds, 0, 30);
        Assert.NotNull(course);
        Assert.Equal(ReviewKind.Ask, AwakeningReview.Classify(detection.Onset, asleep, course, answered: false));
        Assert.InRange((course.DistressAt!.Value - onset).TotalSeconds, AwakeningCourseTracker.DistressAfterSeconds, 120);
        Assert.Equal(PromptAlert.Sound, AlertPolicy.For(course, soundEnabled: true));
        Assert.Equal(PromptAlert.Silent, AlertPolicy.For(course, soundEnabled: false));
    }

    [Fact]
    public void CrampWithMovement_SittingUpOnAChestStrap_DecidedWithinSeconds()
    {
        // A chest strap sees the sleeper sit up: nobody does that asleep.
        var script = new EpochScript(seed: 13).Sleep(TimeSpan.FromMinutes(30)).Cramp(out var onset, riseBpm: 18).SettleBack(TimeSpan.FromMinutes(6));

        var (detection, _, _) = Assert.Single(Run(script.Epochs, chest: true));

        Assert.InRange((detection.DetectedAt - onset).TotalSeconds, 0, 10);
    }

    [Fact]
    public void CrampWithMovement_StrapDropsSecondsEveryHalfMinute_StillFoundAndAsked()
    {
        // Arrange: real straps drop 6–10 s every half minute (data/motion-nights); the bout must bridge them.
        var script = new EpochScript(seed: 14).Sleep(TimeSpan.FromMinutes(30)).Cramp(out var onset, riseBpm: 16, movingFraction: 0.6).SettleBack(TimeSpan.FromMinutes(6));
        var gappy = script.Epochs.Where(e => e.Start.ToUnixTimeSeconds() % 33 >= 8).ToList();

        // Act
        var (detection, course, asleep) = Assert.Single(Run(gappy));

        // Assert
        Assert.InRange((detection.DetectedAt - onset).TotalSeconds, 0, 45);
        Assert.Equal(ReviewKind.Ask, AwakeningReview.Classify(detection.Onset, asleep, course, answered: false));
    }

    [Fact]
    public void Cramp_LikeTwoDismissedAwakenings_NotAsked_UnlessLikeAConfirmedCramp()
    {
        // Arrange: a cramp-like awakening whose course matches two the sleeper dismissed before.
        var script = new EpochScript(seed: 12).Sleep(TimeSpan.FromMinutes(30)).Cramp(out _, riseBpm: 18).SettleBack(TimeSpan.FromMinutes(6));
        var (_, plain, _) = Assert.Single(Run(script.Epochs));
        var example = CourseExample.Of(plain!);
        var dismissedTwice = SleeperLearning.Nothing with { Dismissed = [example, example] };
        var alsoConfirmed = dismissedTwice with { Confirmed = [example] };

        // Act
        var (d1, familiar, asleep1) = Assert.Single(Run(script.Epochs, learning: dismissedTwice));
        var (d2, protectedCourse, asleep2) = Assert.Single(Run(script.Epochs, learning: alsoConfirmed));

        // Assert: familiar → not asked; like a confirmed cramp → asked (never learned away).
        Assert.Equal(2, familiar!.LikeDismissed);
        Assert.Equal(ReviewKind.Ordinary, AwakeningReview.Classify(d1.Onset, asleep1, familiar, answered: false));
        Assert.Equal(0, protectedCourse!.LikeDismissed);
        Assert.Equal(ReviewKind.Ask, AwakeningReview.Classify(d2.Onset, asleep2, protectedCourse, answered: false));
    }
}
