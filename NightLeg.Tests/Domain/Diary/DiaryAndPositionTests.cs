using NightLeg.Domain.Diary;
using NightLeg.Domain.Nights;
using NightLeg.Domain.Samples;
using NightLeg.Tests.Fakes;

namespace NightLeg.Tests.Domain.Diary;

/// <summary>The diary keeps "not answered" apart from "no"; a chest strap tells how the sleeper lay. (Issue 13.)</summary>
public sealed class DiaryAndPositionTests
{
    private static readonly NightId Night = new(new DateOnly(2026, 3, 10), "Europe/Oslo");
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 10, 21, 0, 0, TimeSpan.Zero));

    [Fact]
    public void CheckIn_KeepsUnansweredApartFromNo_AndARunsDetailsOnlyWithARun()
    {
        var diaries = new InMemoryDiaryRepository();
        var journal = new DiaryJournal(diaries, _time);

        var first = journal.CheckIn(Night, new DayFactorsReport(Ran: false, RunKm: 10, Effort: RunEffort.Hard, Alcohol: false, Tags: [" Sauna ", "sauna", "late dinner"]));
        var second = journal.CheckIn(Night, new DayFactorsReport(RunKm: 18, Effort: RunEffort.Easy, Surface: RunSurface.Road));

        Assert.True(first.Succeeded);
        Assert.Equal(new DayFactors(false, null, null, null, null, null, null, false, null, null, ["sauna", "late dinner"]), first.Value!.Factors);
        Assert.Null(first.Value.Factors!.NewShoes); // not answered, not "no"
        var day = diaries.Get(Night)!.Factors!;
        Assert.Equal(second.Value!.Factors, day);
        Assert.True(day.Ran); // a distance means a run
        Assert.Equal(RunEffort.Easy, day.Effort);
        Assert.Equal(RunSurface.Road, day.Surface);
        Assert.True(day.HardRun); // 18 km is long whatever the effort said
    }

    [Fact]
    public void Morning_DisturbanceAndLingeringPain_AreKept_AndAWrongValueChangesNothing()
    {
        var diaries = new InMemoryDiaryRepository();
        var journal = new DiaryJournal(diaries, _time);

        journal.RecordMorning(Night, 6, true, 3);
        var refused = journal.RecordMorning(Night, 11, null);
        journal.RecordMorning(Night, null, false);

        Assert.False(refused.Succeeded);
        Assert.Equal("sleepDisturbance.range", refused.Errors[0].Code);
        Assert.Equal(6, diaries.Get(Night)!.SleepDisturbance);
        Assert.Equal(new LingeringPain(false, null), diaries.Get(Night)!.LingeringPain);
    }

    [Theory]
    [InlineData(0, 0, 1, BodyPosition.Back)]
    [InlineData(0, 0, -1, BodyPosition.Stomach)]
    [InlineData(1, 0, 0.2, BodyPosition.Side)]
    [InlineData(-0.9, 0.1, -0.3, BodyPosition.Side)]
    [InlineData(0, 0.94, 0.34, BodyPosition.Upright)]
    public void ChestStrapGravity_TellsThePosition(double x, double y, double z, BodyPosition expected) =>
        Assert.Equal(expected, BodyPositions.Of(Posture.FromVector(x, y, z)!.Value));

    [Fact]
    public void Recorder_OnAChestStrap_KeepsTimeAsleepPerPosition_AndADetectionsPositionBefore()
    {
        // Arrange: an hour asleep on the stomach, then a cramp: heart rate up, sitting up, moving.
        var recorder = new NightRecorder(NightCalendar.ForZone("Europe/Oslo")) { WornOnChest = true };
        NightLeg.Domain.Detection.AwakeningDetected? detected = null;
        recorder.AwakeningDetected += (_, d) => detected = d;
        var start = new DateTimeOffset(2026, 3, 10, 22, 0, 0, TimeSpan.Zero);
        var random = new Random(7);

        // Act
        for (var s = 0; s < 5400; s++)
        {
            var t = start.AddSeconds(s);
            var cramp = s >= 4000 && s < 4200;
            var heartRate = cramp ? 85 : 52 + random.Next(-1, 2);
            recorder.Add(new HeartRateSample(t, heartRate, [], SensorContact.Detected));
            var (gx, gy, gz) = cramp ? (0.0, 0.94, 0.34) : (0.02, 0.01, -1.0);
            for (var i = 0; i < 25; i++)
            {
                var wobble = cramp ? 0.25 * Math.Sin(i) : 0.001 * random.NextDouble();
                recorder.Add(new MotionSample(t.AddMilliseconds(i * 40), gx + wobble, gy, gz));
            }
        }

        recorder.Complete();

        // Assert
        var night = recorder.Nights.Single();
        Assert.Equal(BodyPosition.Stomach, night.DominantPosition);
        Assert.True(night.PositionSeconds![BodyPosition.Stomach] > 1800);
        Assert.NotNull(detected);
        Assert.Equal(BodyPosition.Stomach, detected!.Position);
    }

    [Fact]
    public void Recorder_OnAWrist_KeepsNoPosition()
    {
        var recorder = new NightRecorder(NightCalendar.ForZone("Europe/Oslo"));
        var start = new DateTimeOffset(2026, 3, 10, 22, 0, 0, TimeSpan.Zero);
        for (var s = 0; s < 3600; s++)
        {
            recorder.Add(new HeartRateSample(start.AddSeconds(s), 52, [], SensorContact.Detected));
            recorder.Add(new MotionSample(start.AddSeconds(s), 0, 0, -1));
        }

        recorder.Complete();

        Assert.Null(recorder.Nights.Single().PositionSeconds);
        Assert.Null(recorder.Nights.Single().DominantPosition);
    }
}
