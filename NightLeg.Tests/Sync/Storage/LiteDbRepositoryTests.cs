using NightLeg.Domain.Cramps;
using NightLeg.Domain.Detection;
using NightLeg.Domain.Guidance;
using NightLeg.Domain.History;
using NightLeg.Domain.Nights;
using NightLeg.Domain.Samples;
using NightLeg.Domain.Storage;
using NightLeg.Sync.Storage;

namespace NightLeg.Tests.Sync.Storage;

/// <summary>Every repository against a real LiteDB file, closed and reopened between write and read.</summary>
public sealed class LiteDbRepositoryTests : IDisposable
{
    private static readonly NightId Night = new(new DateOnly(2026, 3, 10), "Europe/Oslo");
    private readonly string _dir = Directory.CreateTempSubdirectory("nightleg-db-").FullName;

    private string DbPath => Path.Combine(_dir, "nightleg.db");

    [Fact]
    public void Night_SaveReopenGet_RoundTripsEveryField()
    {
        // Arrange
        var start = new DateTimeOffset(2026, 3, 10, 22, 0, 0, TimeSpan.Zero);
        var night = new Night(Night, start, start.AddHours(8), start.AddMinutes(-5), null, start.AddMinutes(20), start.AddHours(7.5),
            [new RecordingGap(start.AddHours(2), start.AddHours(2).AddMinutes(3), GapReason.LinkLost)],
            new SleepStatistics(TimeSpan.FromHours(7), 47, 52.5));

        // Act
        Use(db => new LiteDbNightRepository(db).Save(night));
        var loaded = Use(db => new LiteDbNightRepository(db).Get(Night));

        // Assert
        Assert.NotNull(loaded);
        Assert.Equal(night with { Gaps = loaded.Gaps }, loaded);
        Assert.Equal(night.Gaps, loaded.Gaps);
        Assert.Equal(TimeSpan.Zero, loaded.RecordingStart.Offset);
    }

    [Fact]
    public void Night_ListByDateRange_UsesInclusiveBounds()
    {
        Use(db =>
        {
            var repo = new LiteDbNightRepository(db);
            foreach (var day in new[] { 1, 2, 15, 31 })
            {
                var id = new NightId(new DateOnly(2026, 3, day), "Europe/Oslo");
                repo.Save(new Night(id, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null, null, null, null, [], SleepStatistics.None));
            }
        });

        var list = Use(db => new LiteDbNightRepository(db).List(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 31)));

        Assert.Equal([2, 15, 31], list.Select(n => n.Id.EveningDate.Day));
    }

    [Fact]
    public void CrampEvent_SaveReopenGet_RoundTripsDetectionAndDetails()
    {
        // Arrange
        var onset = new DateTimeOffset(2026, 3, 11, 2, 10, 5, TimeSpan.Zero);
        var cramp = CrampEvent.FromDetection(Guid.NewGuid(), Night, new AwakeningDetected(onset, onset.AddSeconds(11), 51.5, 73, 9, 64.2, 0.83, DetectionEvidence.HeartRateAndMotion))
            .Answered(NightAnswer.Cramp, onset.AddSeconds(40), null)
            .Confirmed(new CrampDetails(Leg.Right, CrampLocation.Calf, 8, TimeSpan.FromSeconds(95), ["stretch", "heat"], BackToSleep.AfterDuration(TimeSpan.FromMinutes(25)), "after intervals"));
        var dismissed = CrampEvent.FromDetection(Guid.NewGuid(), Night, new AwakeningDetected(onset.AddHours(2), onset.AddHours(2).AddSeconds(20), null, null, 14, null, 0.5, DetectionEvidence.MotionOnly))
            .Dismissed(DismissReason.Child, null);

        // Act
        Use(db =>
        {
            var repo = new LiteDbCrampEventRepository(db);
            repo.Save(cramp);
            repo.Save(dismissed);
        });
        var (loaded, forNight, inRange) = Use(db =>
        {
            var repo = new LiteDbCrampEventRepository(db);
            return (repo.Get(cramp.Id), repo.ForNight(Night), repo.List(Night.EveningDate, Night.EveningDate));
        });

        // Assert
        Assert.Equal(cramp with { Details = loaded!.Details }, loaded);
        Assert.Equal(["stretch", "heat"], loaded.Details.WhatHelped);
        Assert.Equal(cramp.Details with { WhatHelped = loaded.Details.WhatHelped }, loaded.Details);
        Assert.Equal([cramp.Id, dismissed.Id], forNight.Select(e => e.Id));
        Assert.Equal(DismissReason.Child, inRange[1].DismissReason);
        Assert.Null(inRange[1].Detection!.BaselineHeartRateBpm);
    }

    [Fact]
    public void Epochs_AppendInBatchesAcrossMinutes_ReadRangeGivesThemBackInOrder()
    {
        // Arrange: 5 minutes of seconds, written in 7-second batches as the sync service does.
        var start = new DateTimeOffset(2026, 3, 10, 23, 59, 30, TimeSpan.Zero);
        // Heart rate missing every 17th second, motion missing every 11th (never both: such a second is not an epoch).
        var epochs = Enumerable.Range(0, 300).Select(i =>
        {
            var noHeartRate = i % 17 == 0;
            var noMotion = !noHeartRate && i % 11 == 1;
            return new SecondEpoch(start.AddSeconds(i), noHeartRate ? null : 50 + (i % 9) * 0.5, noMotion ? null : 0.0123 * (i % 5), noMotion ? null : Posture.FromVector(0, 0.2, 1));
        }).ToList();

        // Act
        Use(db =>
        {
            var repo = new LiteDbEpochRepository(db);
            foreach (var batch in epochs.Chunk(7))
            {
                repo.Append(Night, batch);
            }
        });
        var (all, middle, count) = Use(db =>
        {
            var repo = new LiteDbEpochRepository(db);
            return (repo.Read(start, start.AddSeconds(300)), repo.Read(start.AddSeconds(100), start.AddSeconds(160)), repo.Count(Night));
        });

        // Assert
        Assert.Equal(Array.Empty<DateTimeOffset>(), epochs.Select(e => e.Start).Except(all.Select(e => e.Start)));
        Assert.Equal(300, all.Count);
        Assert.Equal(300, count);
        Assert.Equal(epochs.Select(e => e.Start), all.Select(e => e.Start));
        Assert.Equal(epochs.Select(e => e.HeartRateBpm), all.Select(e => e.HeartRateBpm));
        Assert.All(epochs.Zip(all), p => Assert.Equal(p.First.MovementG ?? -1, p.Second.MovementG ?? -1, 4));
        Assert.Equal(0.2 / Math.Sqrt(1.04), all[2].Posture!.Value.Y, 2);
        Assert.Equal(60, middle.Count);
        Assert.Equal(start.AddSeconds(100), middle[0].Start);
    }

    [Fact]
    public void DeviceAndSettings_SaveReopenGet()
    {
        var paired = new PairedDevice("AA:BB:CC:DD:EE:FF", "Polar H10 5E8F3A21", "polar-h10", new DateTimeOffset(2026, 3, 1, 20, 0, 0, TimeSpan.Zero));
        var settings = new UserSettings(Language.NorwegianBokmal, Sensitivity.High, "Europe/Oslo");

        Use(db =>
        {
            new LiteDbDeviceRepository(db).SavePaired(paired);
            new LiteDbSettingsRepository(db).Save(settings);
        });
        var (device, loadedSettings) = Use(db => (new LiteDbDeviceRepository(db).GetPaired(), new LiteDbSettingsRepository(db).Get()));

        Assert.Equal(paired, device);
        Assert.Equal(settings, loadedSettings);
        Use(db => new LiteDbDeviceRepository(db).Forget());
        Assert.Null(Use(db => new LiteDbDeviceRepository(db).GetPaired()));
    }

    [Fact]
    public void Settings_NothingSaved_AreTheDefaults()
    {
        Assert.Equal(UserSettings.Default, Use(db => new LiteDbSettingsRepository(db).Get()));
    }

    private void Use(Action<NightLegDatabase> action) => Use<int>(db =>
    {
        action(db);
        return 0;
    });

    private T Use<T>(Func<NightLegDatabase, T> action)
    {
        using var db = NightLegDatabase.Open(new DatabaseOptions(DbPath), TimeProvider.System);
        return action(db);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
