using NightLeg.Domain.Detection;
using NightLeg.Domain.Nights;
using NightLeg.Domain.Samples;
using NightLeg.Tests.Fakes;

namespace NightLeg.Tests.Domain.Nights;

public sealed class NightRecorderTests
{
    private static readonly NightCalendar Oslo = NightCalendar.ForZone("Europe/Oslo");

    [Fact]
    public void Samples_CrampNight_RaisesAwakeningAndRecordsSleepOnsetFinalAwakeningAndStats()
    {
        // Arrange: epochs → samples (1 Hz heart rate, 10 Hz motion) through the whole recorder.
        var script = new EpochScript(seed: 21).Sleep(TimeSpan.FromMinutes(30)).Cramp(out var onset).SettleBack(TimeSpan.FromMinutes(2));
        var recorder = new NightRecorder(Oslo);
        var detections = new List<(NightId Night, AwakeningDetected Awakening)>();
        recorder.AwakeningDetected += (night, a) => detections.Add((night, a));

        // Act
        Feed(recorder, script);

        // Assert
        var (night, awakening) = Assert.Single(detections);
        Assert.InRange((awakening.DetectedAt - onset).TotalSeconds, 0, 20); // with motion: ≈ 20 s (docs/detector.md)
        var recorded = recorder.CurrentNight!;
        Assert.Equal(night, recorded.Id);
        Assert.Equal(new DateOnly(2026, 3, 10), recorded.Id.EveningDate);
        Assert.NotNull(recorded.SleepOnset);
        Assert.Equal(recorded.SleepOnset, recorded.Start);
        Assert.Equal(awakening.DetectedAt.AddSeconds(-1), recorded.FinalAwakening);
        Assert.Equal(recorded.FinalAwakening, recorded.End);
        Assert.InRange(recorded.Sleep.TimeAsleep.TotalMinutes, 28, 31);
        Assert.InRange(recorded.Sleep.TypicalHeartRateBpm!.Value, 51, 53);
        Assert.InRange(recorded.Sleep.LowestHeartRateBpm!.Value, 49, 53);
        Assert.Equal(SleepState.Awake, recorder.State);
    }

    [Fact]
    public void Samples_SilenceOverTenSeconds_IsRecordedAsGap()
    {
        var script = new EpochScript(seed: 22).Sleep(TimeSpan.FromMinutes(2)).Gap(TimeSpan.FromMinutes(5)).Sleep(TimeSpan.FromMinutes(2));
        var recorder = new NightRecorder(Oslo);

        Feed(recorder, script);

        var gap = Assert.Single(recorder.CurrentNight!.Gaps);
        Assert.Equal(GapReason.NoData, gap.Reason);
        Assert.InRange(gap.Duration.TotalSeconds, 299, 301);
    }

    [Fact]
    public void MarkGap_LinkLost_ReplacesTheSilenceItExplains()
    {
        var script = new EpochScript(seed: 23).Sleep(TimeSpan.FromMinutes(2)).Gap(TimeSpan.FromMinutes(5)).Sleep(TimeSpan.FromMinutes(2));
        var recorder = new NightRecorder(Oslo);
        var lostAt = script.Epochs[119].Start.AddSeconds(1);

        Feed(recorder, script);
        recorder.MarkGap(lostAt, lostAt.AddMinutes(5), GapReason.LinkLost);

        var gap = Assert.Single(recorder.CurrentNight!.Gaps);
        Assert.Equal(GapReason.LinkLost, gap.Reason);
    }

    [Fact]
    public void Samples_AcrossNoon_StartANewNight()
    {
        // 11:59 and 12:01 local (UTC+1) belong to different nights.
        var recorder = new NightRecorder(Oslo);
        var morning = new DateTimeOffset(2026, 3, 11, 10, 59, 0, TimeSpan.Zero);

        for (var i = 0; i < 180; i++)
        {
            recorder.Add(new HeartRateSample(morning.AddSeconds(i), 60));
        }

        recorder.Complete();

        Assert.Equal([new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 11)], recorder.Nights.Select(n => n.Id.EveningDate));
        Assert.Equal(180, recorder.Counts.HeartRate);
    }

    [Fact]
    public void MarkStartAndStop_ExplicitBoundsWin()
    {
        var script = new EpochScript(seed: 24).Sleep(TimeSpan.FromMinutes(20));
        var recorder = new NightRecorder(Oslo);
        var start = script.Epochs[0].Start.AddMinutes(-10);
        var stop = script.Now.AddMinutes(5);

        recorder.MarkStart(start);
        Feed(recorder, script);
        recorder.MarkStop(stop);

        var night = recorder.CurrentNight!;
        Assert.Equal(start, night.Start);
        Assert.Equal(stop, night.End);
        Assert.Equal(stop - start, night.TimeInBed);
    }

    [Fact]
    public void Samples_UnusableHeartRate_AreCounted()
    {
        var recorder = new NightRecorder(Oslo);
        var t = new DateTimeOffset(2026, 3, 10, 23, 0, 0, TimeSpan.Zero);

        recorder.Add(new HeartRateSample(t, 0));
        recorder.Add(new HeartRateSample(t.AddSeconds(1), 55, SensorContact.NotDetected));
        recorder.Add(new HeartRateSample(t.AddSeconds(2), 55, SensorContact.Detected));

        Assert.Equal(new SampleCounts(3, 0, 2, 0), recorder.Counts);
    }

    /// <summary>Turns each scripted second back into samples: one heart rate, ten motion readings.</summary>
    [Fact]
    public void Samples_StrapOffForTenMinutes_IsANotWornGapWithNoDetectionInIt()
    {
        // Arrange: 25 minutes asleep, then the strap is taken off (no skin contact, handled and moved
        // about: as much movement as a cramp), then 20 minutes asleep again with the strap back on.
        var recorder = new NightRecorder(Oslo);
        var detections = 0;
        recorder.AwakeningDetected += (_, _) => detections++;
        var script = new EpochScript(seed: 30).Sleep(TimeSpan.FromMinutes(25));
        Feed(recorder, script, complete: false);
        var off = script.Now;
        var random = new Random(31);
        for (var s = 0; s < 600; s++)
        {
            recorder.Add(new HeartRateSample(off.AddSeconds(s).AddMilliseconds(300), 0, SensorContact.NotDetected));
            for (var i = 0; i < 10; i++)
            {
                recorder.Add(new MotionSample(off.AddSeconds(s).AddMilliseconds(i * 100), random.NextDouble() * 0.5, 1, 0));
            }
        }

        Feed(recorder, new EpochScript(seed: 32, start: off.AddMinutes(10)).Sleep(TimeSpan.FromMinutes(20)));

        // Assert
        var gap = Assert.Single(recorder.CurrentNight!.Gaps);
        Assert.Equal(GapReason.NotWorn, gap.Reason);
        Assert.Equal(off, gap.Start);
        Assert.InRange(gap.Duration.TotalMinutes, 9.9, 10.1);
        Assert.Equal(TimeSpan.Zero, recorder.CurrentNight.GapTime);
        Assert.Equal(gap.Duration, recorder.CurrentNight.NotWornTime);
        Assert.Equal(0, detections);
    }

    [Fact]
    public void AddBattery_KeepsTheNightsFirstAndLastLevel()
    {
        var recorder = new NightRecorder(Oslo);
        var script = new EpochScript(seed: 33).Sleep(TimeSpan.FromMinutes(2));
        Feed(recorder, script);

        recorder.AddBattery(script.Epochs[0].Start, 64);
        recorder.AddBattery(script.Epochs[60].Start, 61);
        recorder.AddBattery(script.Epochs[^1].Start, 60);

        Assert.Equal((64, 60), (recorder.CurrentNight!.BatteryAtStartPercent, recorder.CurrentNight.BatteryAtEndPercent));
    }

    private static void Feed(NightRecorder recorder, EpochScript script, bool complete = true) => Feed(recorder, script.Epochs, complete);

    private static void Feed(NightRecorder recorder, IReadOnlyList<SecondEpoch> epochs, bool complete = true)
    {
        var random = new Random(5);
        foreach (var epoch in epochs)
        {
            if (epoch.HeartRateBpm is { } hr)
            {
                recorder.Add(new HeartRateSample(epoch.Start.AddMilliseconds(300), (int)hr, SensorContact.Detected));
            }

            if (epoch.MovementG is { } movement && epoch.Posture is { } p)
            {
                for (var i = 0; i < 10; i++)
                {
                    var jitter = movement * (random.NextDouble() < 0.5 ? -1 : 1);
                    recorder.Add(new MotionSample(epoch.Start.AddMilliseconds(i * 100), p.X + jitter, p.Y, p.Z));
                }
            }
        }

        if (complete)
        {
            recorder.Complete();
        }
    }
}
