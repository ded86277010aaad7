using NightLeg.Domain.Detection;
using NightLeg.Domain.Samples;
using NightLeg.Tests.Fakes;

namespace NightLeg.Tests.Domain.Detection;

public sealed class AwakeningDetectorTests
{
    private static readonly TimeSpan Settled = TimeSpan.FromMinutes(25);

    [Fact]
    public void Process_CrampWithHeartRateAndMotion_DetectsOnceWithinTwentySeconds()
    {
        // Arrange
        var script = new EpochScript(seed: 1).Sleep(Settled).Cramp(out var onset, riseBpm: 18).SettleBack(TimeSpan.FromMinutes(3));

        // Act
        var detections = Run(script);

        // Assert
        var detection = Assert.Single(detections);
        Assert.Equal(DetectionEvidence.HeartRateAndMotion, detection.Evidence);
        Assert.InRange((detection.DetectedAt - onset).TotalSeconds, 1, 20);
        Assert.InRange((detection.Onset - onset).TotalSeconds, -2, 5);
        Assert.InRange(detection.BaselineHeartRateBpm!.Value, 50, 54);
        Assert.True(detection.PeakHeartRateBpm >= 60, $"peak {detection.PeakHeartRateBpm}");
        Assert.InRange(detection.Confidence, 0.4, 1.0);
        Assert.True(detection.PostureChangeDegrees > 45);
    }

    [Fact]
    public void Process_CrampWithSmallRiseButSustainedMovement_DetectsFromTheMovement()
    {
        // Arrange: +8 bpm only, but the sleeper works the leg nearly every second (a turn-over lasts ≤ 6 s).
        var script = new EpochScript(seed: 15).Sleep(Settled).Cramp(out var onset, riseBpm: 8, rampSeconds: 8, movingFraction: 0.95);

        // Act
        var detection = Assert.Single(Run(script));

        // Assert
        Assert.Equal(DetectionEvidence.HeartRateAndMotion, detection.Evidence);
        Assert.InRange((detection.DetectedAt - onset).TotalSeconds, 1, 20);
    }

    [Fact]
    public void Process_TwoTurnOversInARow_DoNotPrompt()
    {
        var script = new EpochScript(seed: 16).Sleep(Settled).TurnOver().TurnOver().Sleep(TimeSpan.FromMinutes(3)).TurnOver().Arousal(8).TurnOver();

        Assert.Empty(Run(script));
    }

    [Fact]
    public void Process_CrampHeartRateOnly_DetectsOnceTheRiseOutlastsASurge()
    {
        // Arrange: a plain chest strap or a watch's heart rate, no motion at all. Real sleep has
        // +20–30 bpm surges lasting up to ≈40 s, so heart rate alone decides only after the rise
        // has held for HeartRateAloneSustainSeconds.
        var script = new EpochScript(seed: 2, withMotion: false).Sleep(Settled).Cramp(out var onset, riseBpm: 18);

        // Act
        var detection = Assert.Single(Run(script));

        // Assert
        Assert.Equal(DetectionEvidence.HeartRateOnly, detection.Evidence);
        Assert.InRange((detection.DetectedAt - onset).TotalSeconds, DetectorThresholds.Normal.HeartRateAloneSustainSeconds, 60);
        Assert.Null(detection.PostureChangeDegrees);
    }

    [Fact]
    public void Process_HeartRateOnlySurgeOfThirtySeconds_DoesNotPrompt()
    {
        // Arrange: a REM surge as the real nights have them: +28 bpm within seconds, held 30 s, body still.
        var script = new EpochScript(seed: 21, withMotion: false).Sleep(Settled).Surge(riseBpm: 28, hold: TimeSpan.FromSeconds(30)).Sleep(TimeSpan.FromMinutes(5));

        Assert.Empty(Run(script));
    }

    [Fact]
    public void Process_HeartRateOnlyRiseInUnsettledSleep_NeedsLonger()
    {
        // Arrange: the same cramp, once out of quiet sleep and once three minutes after a big surge.
        var settled = new EpochScript(seed: 22, withMotion: false).Sleep(Settled).Cramp(out var settledOnset, riseBpm: 18);
        var unsettled = new EpochScript(seed: 22, withMotion: false).Sleep(Settled).Surge(riseBpm: 35, hold: TimeSpan.FromSeconds(20))
            .Sleep(TimeSpan.FromMinutes(3)).Cramp(out var unsettledOnset, riseBpm: 18);

        // Act
        var quick = Assert.Single(Run(settled));
        var slow = Assert.Single(Run(unsettled));

        // Assert
        Assert.True((slow.DetectedAt - unsettledOnset) > (quick.DetectedAt - settledOnset) + TimeSpan.FromSeconds(15),
            $"settled {(quick.DetectedAt - settledOnset).TotalSeconds} s, unsettled {(slow.DetectedAt - unsettledOnset).TotalSeconds} s");
    }

    [Fact]
    public void Process_HeartRateOnlyDeviceCramp_UsesTheNoMotionThreshold_Regression()
    {
        // Regression: "no motion yet" was computed as second − long.MinValue, which overflowed and
        // made every heart-rate-only strap look like a motion sensor lying still (stricter rule).
        var script = new EpochScript(seed: 14, withMotion: false).Sleep(Settled).Cramp(out var onset, riseBpm: 16, rampSeconds: 6);

        var detection = Assert.Single(Run(script));

        Assert.InRange((detection.DetectedAt - onset).TotalSeconds, 1, 60);
    }

    [Fact]
    public void Process_CrampWhileHeartRateDropsOut_DetectsFromMotionAlone()
    {
        // Arrange: the watch loses skin contact as the sleeper grabs the leg (values of 0 → no heart rate).
        var script = new EpochScript(seed: 3).Sleep(Settled).Cramp(out var onset, heartRateDropsOut: true);

        // Act
        var detection = Assert.Single(Run(script));

        // Assert
        Assert.Equal(DetectionEvidence.MotionOnly, detection.Evidence);
        Assert.InRange((detection.DetectedAt - onset).TotalSeconds, 1, 30);
    }

    [Fact]
    public void Process_NightOfTurningOverArousalsRemSpikesAndGaps_NeverPrompts()
    {
        // Arrange: what every night has, many times over.
        var script = new EpochScript(seed: 4).Sleep(Settled);
        for (var cycle = 0; cycle < 5; cycle++)
        {
            script.TurnOver().Sleep(TimeSpan.FromMinutes(3)).Arousal(riseBpm: 10).Sleep(TimeSpan.FromMinutes(4))
                .Spike(150).Spike(38).Sleep(TimeSpan.FromMinutes(2)).TurnOver().TurnOver()
                .Rem(TimeSpan.FromMinutes(15), swingBpm: 10).Sleep(TimeSpan.FromMinutes(5))
                .Gap(TimeSpan.FromMinutes(12)).Sleep(TimeSpan.FromMinutes(10));
        }

        // Act
        var detections = Run(script);

        // Assert
        Assert.Empty(detections);
    }

    [Fact]
    public void Process_HeartRateOnlyNightWithArousalsAndRem_NeverPrompts()
    {
        // Arrange
        var script = new EpochScript(seed: 5, withMotion: false).Sleep(Settled);
        for (var cycle = 0; cycle < 5; cycle++)
        {
            script.Arousal(riseBpm: 12).Sleep(TimeSpan.FromMinutes(5)).Rem(TimeSpan.FromMinutes(20), swingBpm: 12)
                .TurnOver().Spike(160).Sleep(TimeSpan.FromMinutes(10));
        }

        // Act
        var detections = Run(script);

        // Assert
        Assert.Empty(detections);
    }

    [Fact]
    public void Process_AwakeningBeforeSleepIsEstablished_DoesNotPrompt()
    {
        // Arrange: still settling in (5 min) when the user gets up.
        var script = new EpochScript(seed: 6).Sleep(TimeSpan.FromMinutes(5)).Cramp(out _);
        var detector = new AwakeningDetector();

        // Act
        var detections = Run(script, detector);

        // Assert
        Assert.Empty(detections);
        Assert.Equal(SleepState.AwaitingSleep, detector.State);
    }

    [Fact]
    public void Process_LongAwakeningWithStretching_PromptsOnceAndStaysAwake()
    {
        // Arrange: ten minutes up, moving and with a raised heart rate throughout.
        var script = new EpochScript(seed: 7).Sleep(Settled).Cramp(out _, duration: TimeSpan.FromMinutes(10));
        var detector = new AwakeningDetector();

        // Act
        var detections = Run(script, detector);

        // Assert
        Assert.Single(detections);
        Assert.Equal(SleepState.Awake, detector.State);
    }

    [Fact]
    public void Process_AsleepAgainThenSecondCramp_RearmsAndPromptsTwice()
    {
        // Arrange
        var script = new EpochScript(seed: 8).Sleep(Settled).Cramp(out var first).SettleBack(TimeSpan.FromMinutes(4))
            .Sleep(TimeSpan.FromMinutes(15)).Cramp(out var second);
        var detector = new AwakeningDetector();

        // Act
        var detections = Run(script, detector);

        // Assert
        Assert.Equal(2, detections.Count);
        Assert.InRange((detections[0].DetectedAt - first).TotalSeconds, 0, 20);
        Assert.InRange((detections[1].DetectedAt - second).TotalSeconds, 0, 20);
    }

    [Fact]
    public void Process_SecondCrampWhileStillAwake_DoesNotPromptAgain()
    {
        // Arrange: the cramp comes back after two quiet minutes: the user never fell asleep again.
        var script = new EpochScript(seed: 9).Sleep(Settled).Cramp(out _).SettleBack(TimeSpan.FromMinutes(2), fromRiseBpm: 6).Cramp(out _);

        // Act
        var detections = Run(script);

        // Assert
        Assert.Single(detections);
    }

    [Fact]
    public void Process_SleepEstablished_ReportsSleepOnsetAndBaseline()
    {
        // Arrange
        var script = new EpochScript(seed: 10, baselineBpm: 48).Sleep(TimeSpan.FromMinutes(15));
        var detector = new AwakeningDetector();

        // Act
        Run(script, detector);

        // Assert
        Assert.Equal(SleepState.Asleep, detector.State);
        Assert.NotNull(detector.SleepOnset);
        Assert.True(detector.SleepOnset <= script.Epochs[0].Start.AddMinutes(1));
        Assert.InRange(detector.BaselineHeartRateBpm!.Value, 46, 50);
    }

    [Fact]
    public void Process_GentleAwakenings_HigherSensitivityFindsMore()
    {
        // Arrange: awakenings from barely there to plain: +6…+16 bpm, moving 30…75 % of the seconds for 40 s.
        var scripts = Enumerable.Range(0, 6).Select(i => new EpochScript(seed: 30 + i).Sleep(Settled)
            .Cramp(out _, riseBpm: 6 + (2 * i), rampSeconds: 12, duration: TimeSpan.FromSeconds(40), movingFraction: 0.3 + (0.09 * i))
            .Sleep(TimeSpan.FromMinutes(2))).ToList();

        // Act
        int Found(Sensitivity sensitivity) => scripts.Count(s => Run(s, new AwakeningDetector(sensitivity)).Count == 1);
        var (low, normal, high) = (Found(Sensitivity.Low), Found(Sensitivity.Normal), Found(Sensitivity.High));

        // Assert
        Assert.True(low <= normal && normal <= high && low < high, $"low {low}, normal {normal}, high {high}");
    }

    [Fact]
    public void Process_CrampDuringLongGap_IsNotInventedAfterIt()
    {
        // Arrange: the link drops for 20 min; the data resumes with calm sleep.
        var script = new EpochScript(seed: 12).Sleep(Settled).Gap(TimeSpan.FromMinutes(20)).Sleep(TimeSpan.FromMinutes(5));

        // Act
        var detections = Run(script);

        // Assert
        Assert.Empty(detections);
    }

    [Fact]
    public void Process_AWholeDayOfSeconds_AllocatesNothingPerSecond()
    {
        // Arrange: memory stays bounded however long the night: after warm-up, processing allocates nothing.
        var script = new EpochScript(seed: 13).Sleep(TimeSpan.FromHours(1));
        var epochs = script.Epochs;
        var detector = new AwakeningDetector();
        var start = epochs[0].Start;
        for (var i = 0; i < 600; i++)
        {
            detector.Process(epochs[i]);
        }

        // Act
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 600; i < 86_400; i++)
        {
            var source = epochs[i % epochs.Count];
            detector.Process(source with { Start = start.AddSeconds(i) });
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Assert
        Assert.True(allocated < 10_000, $"allocated {allocated} bytes over a day of seconds");
    }

    [Fact]
    public void Process_OutOfOrderSecond_IsIgnored()
    {
        // Arrange
        var detector = new AwakeningDetector();
        var t = new DateTimeOffset(2026, 1, 1, 23, 0, 0, TimeSpan.Zero);
        detector.Process(new SecondEpoch(t.AddSeconds(5), 50, 0.01, null));

        // Act
        var result = detector.Process(new SecondEpoch(t, 150, 1.0, null));

        // Assert
        Assert.Null(result);
    }

    [Fact]
    public void SleeperProfile_SurgingSleeper_RaisesTheSurgeLevelNextNight()
    {
        // Arrange: a night whose sleep is full of +25 bpm surges, and a quiet one.
        var surging = new EpochScript(seed: 40, withMotion: false).Sleep(Settled);
        for (var i = 0; i < 40; i++)
        {
            surging.Surge(riseBpm: 25, hold: TimeSpan.FromSeconds(10)).Sleep(TimeSpan.FromMinutes(4));
        }

        var quiet = new EpochScript(seed: 41, withMotion: false).Sleep(TimeSpan.FromHours(3));
        var surgingDetector = new AwakeningDetector();
        var quietDetector = new AwakeningDetector();

        // Act
        Run(surging, surgingDetector);
        Run(quiet, quietDetector);
        var nextNight = new AwakeningDetector(DetectorThresholds.Normal, surgingDetector.SleeperProfile);

        // Assert
        Assert.True(surgingDetector.SurgeLevelBpm > SleeperProfile.PopulationSurgeLevelBpm, $"surging {surgingDetector.SurgeLevelBpm}");
        Assert.True(quietDetector.SurgeLevelBpm < SleeperProfile.PopulationSurgeLevelBpm, $"quiet {quietDetector.SurgeLevelBpm}");
        Assert.Equal(surgingDetector.SurgeLevelBpm, nextNight.SurgeLevelBpm);
    }

    private static List<AwakeningDetected> Run(EpochScript script, AwakeningDetector? detector = null)
    {
        detector ??= new AwakeningDetector();
        var detections = new List<AwakeningDetected>();
        foreach (var epoch in script.Epochs)
        {
            if (detector.Process(epoch) is { } detection)
            {
                detections.Add(detection);
            }
        }

        return detections;
    }
}
