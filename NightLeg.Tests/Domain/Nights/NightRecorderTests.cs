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
        Assert.InRange((awakening.DetectedAt - onset).TotalSeconds, 0, 15);
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
    private static void Feed(NightRecorder recorder, EpochScript script)
    {
        var random = new Random(5);
        foreach (var epoch in script.Epochs)
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

        recorder.Complete();
    }
}
