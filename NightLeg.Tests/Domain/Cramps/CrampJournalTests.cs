using Microsoft.Extensions.Time.Testing;
using NightLeg.Domain.Cramps;
using NightLeg.Domain.Detection;
using NightLeg.Domain.History;
using NightLeg.Domain.Nights;
using NightLeg.Tests.Fakes;

namespace NightLeg.Tests.Domain.Cramps;

public sealed class CrampJournalTests
{
    private static readonly NightCalendar Oslo = NightCalendar.ForZone("Europe/Oslo");
    private static readonly NightId Night = new(new DateOnly(2026, 3, 10), "Europe/Oslo");

    private readonly InMemoryCrampEventRepository _events = new();
    private readonly InMemoryNightRepository _nights = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 11, 6, 30, 0, TimeSpan.Zero));
    private readonly CrampJournal _journal;

    public CrampJournalTests()
    {
        _journal = new CrampJournal(_events, _nights, Oslo, _time);
        _nights.Save(new Night(Night, Oslo.ToUtc(Night, new TimeOnly(22, 30)), Oslo.ToUtc(Night, new TimeOnly(7, 0)),
            null, null, null, null, [], SleepStatistics.None));
    }

    [Fact]
    public void Lifecycle_DetectedAnsweredConfirmed_KeepsEveryStep()
    {
        // Arrange
        var detected = _journal.RecordDetection(Night, Detection(Oslo.ToUtc(Night, new TimeOnly(3, 12))));

        // Act
        var answered = _journal.AnswerTonight(detected.Id, NightAnswer.Cramp, new CrampReport(Leg: Leg.Right, Intensity: 8));
        var confirmed = _journal.Confirm(detected.Id, new CrampReport(Location: CrampLocation.Calf, DurationSeconds: 120, WhatHelped: ["stretch"]));

        // Assert
        Assert.True(answered.Succeeded);
        Assert.True(confirmed.Succeeded);
        var stored = _events.Get(detected.Id)!;
        Assert.Equal(NightAnswer.Cramp, stored.Answer);
        Assert.Equal(_time.GetUtcNow(), stored.AnsweredAt);
        Assert.Equal(ReviewStatus.Confirmed, stored.Status);
        Assert.Equal(Leg.Right, stored.Details.Leg);
        Assert.Equal(8, stored.Details.Intensity);
        Assert.Equal(CrampLocation.Calf, stored.Details.Location);
        Assert.Empty(_journal.Unreviewed(Night));
    }

    [Fact]
    public void Dismiss_WithReason_IsStoredAndNoLongerUnreviewed()
    {
        var detected = _journal.RecordDetection(Night, Detection(Oslo.ToUtc(Night, new TimeOnly(4, 0))));

        var outcome = _journal.Dismiss(detected.Id, DismissReason.Bathroom, "  just the loo ");

        Assert.True(outcome.Succeeded);
        Assert.Equal(DismissReason.Bathroom, _events.Get(detected.Id)!.DismissReason);
        Assert.Equal("just the loo", _events.Get(detected.Id)!.DismissNote);
        Assert.Empty(_journal.Unreviewed(Night));
    }

    [Fact]
    public void Confirm_InvalidIntensity_LeavesStoredEventUntouched()
    {
        // Arrange
        var detected = _journal.RecordDetection(Night, Detection(Oslo.ToUtc(Night, new TimeOnly(3, 0))));
        _journal.AnswerTonight(detected.Id, NightAnswer.Cramp, new CrampReport(Leg: Leg.Left, Intensity: 6));
        var before = _events.Get(detected.Id);
        var writes = _events.Writes;

        // Act
        var outcome = _journal.Confirm(detected.Id, new CrampReport(Leg: Leg.Right, Intensity: 11));

        // Assert
        Assert.False(outcome.Succeeded);
        Assert.Equal("intensity.range", Assert.Single(outcome.Errors).Code);
        Assert.Same(before, _events.Get(detected.Id));
        Assert.Equal(writes, _events.Writes);
    }

    [Fact]
    public void LogByHand_TimeOutsideTheNight_IsRefusedAndNothingStored()
    {
        // 15:00 the next afternoon is not in the night of 10 March.
        var outcome = _journal.LogByHand(Night, Oslo.ToUtc(new DateOnly(2026, 3, 11), new TimeOnly(15, 0)), new CrampReport(Leg: Leg.Left));

        Assert.False(outcome.Succeeded);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal("at.outsideNight", error.Code);
        Assert.Contains("15:00", new NightLeg.Mobile.Localization.Strings(NightLeg.Domain.Guidance.Language.English).Error(error));
        Assert.Empty(_events.All);
    }

    [Fact]
    public void LogByHand_MissedCramp_IsStoredConfirmed()
    {
        var at = Oslo.ToUtc(Night, new TimeOnly(5, 10));

        var outcome = _journal.LogByHand(Night, at, new CrampReport(Leg: Leg.Both, Location: CrampLocation.Foot, Intensity: 5, DurationSeconds: 60));

        Assert.True(outcome.Succeeded);
        var stored = Assert.Single(_events.All);
        Assert.Equal(CrampEventSource.LoggedByHand, stored.Source);
        Assert.Equal(ReviewStatus.Confirmed, stored.Status);
        Assert.Equal(at, stored.At);
    }

    [Fact]
    public void LogByHand_InTheFuture_IsRefused()
    {
        var journal = new CrampJournal(_events, _nights, Oslo, new FakeTimeProvider(Oslo.ToUtc(Night, new TimeOnly(2, 0))));

        var outcome = journal.LogByHand(Night, Oslo.ToUtc(Night, new TimeOnly(5, 0)), new CrampReport());

        Assert.Equal("at.future", Assert.Single(outcome.Errors).Code);
    }

    [Fact]
    public void LogByHand_UnrecordedNight_UsesEveningToNoon()
    {
        var unrecorded = new NightId(new DateOnly(2026, 3, 5), "Europe/Oslo");

        var early = _journal.LogByHand(unrecorded, Oslo.ToUtc(unrecorded, new TimeOnly(17, 0)), new CrampReport());
        var night = _journal.LogByHand(unrecorded, Oslo.ToUtc(unrecorded, new TimeOnly(23, 30)), new CrampReport());

        Assert.False(early.Succeeded);
        Assert.True(night.Succeeded);
    }

    [Fact]
    public void AnswerTonight_UnknownEvent_SaysSo()
    {
        var outcome = _journal.AnswerTonight(Guid.NewGuid(), NightAnswer.Later);

        Assert.Equal("event.notFound", Assert.Single(outcome.Errors).Code);
    }

    private static AwakeningDetected Detection(DateTimeOffset onset) =>
        new(onset, onset.AddSeconds(9), 52, 71, 8, 70, 0.8, DetectionEvidence.HeartRateAndMotion);
}
