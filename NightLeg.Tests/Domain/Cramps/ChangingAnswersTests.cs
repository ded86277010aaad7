using Microsoft.Extensions.Time.Testing;
using NightLeg.Domain.Cramps;
using NightLeg.Domain.Detection;
using NightLeg.Domain.History;
using NightLeg.Domain.Nights;
using NightLeg.Sync.Storage;

namespace NightLeg.Tests.Domain.Cramps;

/// <summary>Answers stay the user's: changed, edited, undone — in storage and in what NightLeg learned.</summary>
public sealed class ChangingAnswersTests : IDisposable
{
    private static readonly NightCalendar Oslo = NightCalendar.ForZone("Europe/Oslo");
    private static readonly NightId Night = new(new DateOnly(2026, 3, 10), "Europe/Oslo");

    private readonly NightLegDatabase _database = NightLegDatabase.InMemory(TimeProvider.System);
    private readonly LiteDbCrampEventRepository _events;
    private readonly LiteDbSleeperProfileRepository _sleeper;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 11, 6, 30, 0, TimeSpan.Zero));
    private readonly CrampJournal _journal;
    private readonly List<CrampEvent> _published = [];

    public ChangingAnswersTests()
    {
        _events = new LiteDbCrampEventRepository(_database);
        _sleeper = new LiteDbSleeperProfileRepository(_database);
        var nights = new LiteDbNightRepository(_database);
        nights.Save(new Night(Night, Oslo.ToUtc(Night, new TimeOnly(23, 0)), Oslo.ToUtc(Night, new TimeOnly(7, 0)), null, null, null, null, [], SleepStatistics.None));
        _journal = new CrampJournal(_events, nights, Oslo, _time, _sleeper);
        _journal.CrampConfirmed += _published.Add;
    }

    public void Dispose() => _database.Dispose();

    private CrampEvent Detected(int worked = 180, double heartAfter = 12)
    {
        var onset = Oslo.ToUtc(Night, new TimeOnly(3, 0));
        var detection = new AwakeningDetected(onset, onset.AddSeconds(20), 52, 70, 14, null, 0.7, DetectionEvidence.HeartRateAndMotion);
        var cramp = CrampEvent.FromDetection(Guid.NewGuid(), Night, detection).Followed(new AwakeningCourse(worked, heartAfter, null));
        _events.Save(cramp);
        return cramp;
    }

    [Fact]
    public void CrampChangedToNotACramp_AndBack_StorageAndLearningFollow()
    {
        // Arrange: confirmed as a cramp in the morning.
        var cramp = Detected();
        _journal.Confirm(cramp.Id, new CrampReport(Leg: Leg.Left, Intensity: 7));

        // Act: it was the bathroom after all…
        var dismissed = _journal.Dismiss(cramp.Id, DismissReason.Bathroom);

        // Assert: not a cramp any more, and what NightLeg learned says so.
        Assert.True(dismissed.Succeeded);
        Assert.Equal(ReviewStatus.Dismissed, _events.Get(cramp.Id)!.Status);
        Assert.Equal(0, _journal.CountConfirmed(Night));
        Assert.Empty(_sleeper.GetLearning().Confirmed);
        Assert.Equal([new CourseExample(180, 12)], _sleeper.GetLearning().Dismissed);

        // Act: …no, it was a cramp: confirmed again, with exactly the details given.
        var again = _journal.Revise(cramp.Id, new CrampReport(Leg: Leg.Right));

        // Assert
        Assert.True(again.Succeeded);
        var stored = _events.Get(cramp.Id)!;
        Assert.Equal(ReviewStatus.Confirmed, stored.Status);
        Assert.Null(stored.DismissReason);
        Assert.Equal(Leg.Right, stored.Details.Leg);
        Assert.Null(stored.Details.Intensity); // not given this time: cleared, not kept from before
        Assert.Empty(_sleeper.GetLearning().Dismissed);
        Assert.Equal([new CourseExample(180, 12)], _sleeper.GetLearning().Confirmed);
        Assert.Equal(1, _sleeper.GetLearning().MovementLevel, 6);
        Assert.Equal(2, _published.Count); // confirmed twice; the dismissal in between published nothing
    }

    [Fact]
    public void EditingAConfirmedCrampsDetails_IsNotANewCramp()
    {
        var cramp = Detected();
        _journal.Revise(cramp.Id, new CrampReport(Leg: Leg.Left, Intensity: 7, Note: "woke me at three"));

        var edited = _journal.Revise(cramp.Id, new CrampReport(Leg: Leg.Left, Intensity: 5));

        Assert.True(edited.Succeeded);
        Assert.Equal(5, _events.Get(cramp.Id)!.Details.Intensity);
        Assert.Null(_events.Get(cramp.Id)!.Details.Note);
        Assert.Single(_published);
        Assert.Single(_sleeper.GetLearning().Confirmed); // one cramp, remembered once
    }

    [Fact]
    public void Restore_TakesTheLatestAnswerBack_KeepsWhatTheNightRecordedSince()
    {
        // Arrange
        var cramp = Detected();
        var before = _events.Get(cramp.Id)!;
        _journal.Dismiss(cramp.Id, DismissReason.Noise, "the neighbours");
        _journal.RecordSleepReturn(Night, cramp.Detection!, cramp.At.AddMinutes(12));

        // Act
        var restored = _journal.Restore(before);

        // Assert
        Assert.True(restored.Succeeded);
        var stored = _events.Get(cramp.Id)!;
        Assert.Equal(ReviewStatus.Pending, stored.Status);
        Assert.Null(stored.DismissReason);
        Assert.Null(stored.DismissNote);
        Assert.Equal(cramp.At.AddMinutes(12), stored.AsleepAgainAt);
        Assert.Equal(SleeperLearning.Nothing, _sleeper.GetLearning());
        Assert.Single(_journal.Unreviewed(Night));
    }

    [Fact]
    public void Remove_OnlyACrampLoggedByHand()
    {
        var detected = Detected();
        var logged = _journal.LogByHand(Night, Oslo.ToUtc(Night, new TimeOnly(5, 0)), new CrampReport(Leg: Leg.Left)).Value!;

        var refused = _journal.Remove(detected.Id);
        var removed = _journal.Remove(logged.Id);

        Assert.False(refused.Succeeded);
        Assert.Equal("event.detected", Assert.Single(refused.Errors).Code);
        Assert.NotNull(_events.Get(detected.Id));
        Assert.True(removed.Succeeded);
        Assert.Null(_events.Get(logged.Id));
    }

    [Fact]
    public void NightAnswerNotACramp_ThenConfirmedInTheMorning_LearnsOnlyTheCramp()
    {
        var cramp = Detected();
        _journal.AnswerTonight(cramp.Id, NightAnswer.NotACramp);

        _journal.Revise(cramp.Id, new CrampReport(Leg: Leg.Both));

        Assert.Empty(_sleeper.GetLearning().Dismissed);
        Assert.Single(_sleeper.GetLearning().Confirmed);
        Assert.Equal(1, _sleeper.GetLearning().MovementLevel, 6);
    }

    [Fact]
    public void AnAnswer_IsNeverBeforeItsQuestion_EvenWithTheClockBehindTheWearable()
    {
        // The demo plays its night faster than the clock: the detection is "later" than now.
        var onset = _time.GetUtcNow().AddMinutes(33);
        var cramp = CrampEvent.FromDetection(Guid.NewGuid(), Night, new AwakeningDetected(onset, onset.AddSeconds(20), 52, 70, 14, null, 0.7, DetectionEvidence.HeartRateAndMotion));
        _events.Save(cramp);

        var answered = _journal.AnswerTonight(cramp.Id, NightAnswer.Cramp).Value!;

        Assert.Equal(cramp.Detection!.DetectedAt, answered.AnsweredAt);
    }
}
