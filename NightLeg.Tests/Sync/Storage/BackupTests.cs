using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NightLeg.Domain.Nights;
using NightLeg.Domain.Samples;
using NightLeg.Sync.Storage;

namespace NightLeg.Tests.Sync.Storage;

/// <summary>
/// Backups are consistent copies taken while NightLeg writes, owner-only, checked before they
/// replace anything; a daily one is made after the morning and the newest seven are kept. (Issue 15,
/// finding 7.)
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class BackupTests : IDisposable
{
    private static readonly NightId Night = new(new DateOnly(2026, 3, 10), "Europe/Oslo");
    private static readonly DateTimeOffset Start = new(2026, 3, 10, 22, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("nightleg-backup-").FullName;

    private string DbPath => Path.Combine(_dir, "nightleg.db");

    [Fact]
    public void CopyingOnlyTheFileWhileRunning_MissesRecentData_ABackupHasIt()
    {
        // Arrange: a running database with recent writes still in its log.
        using var db = NightLegDatabase.Open(new DatabaseOptions(DbPath), TimeProvider.System);
        var epochs = new LiteDbEpochRepository(db);
        AppendMinutes(epochs, 0, 30);
        var naive = Path.Combine(_dir, "naive.db");
        File.Copy(DbPath, naive); // what "cp nightleg.db" does while NightLeg runs

        // Act
        var backup = Path.Combine(_dir, "backup.db");
        db.BackUp(backup);

        // Assert: the naive copy lacks the log's data; the backup is one whole file.
        using (var copy = NightLegDatabase.Open(new DatabaseOptions(naive), TimeProvider.System))
        {
            Assert.True(new LiteDbEpochRepository(copy).Count(Night) < 30 * 60);
        }

        Assert.False(File.Exists(NightLegDatabase.LogPathOf(backup)));
        Assert.Equal(OwnerOnly.FileMode, File.GetUnixFileMode(backup));
        using var restored = NightLegDatabase.Open(new DatabaseOptions(backup), TimeProvider.System);
        Assert.Equal(30 * 60, new LiteDbEpochRepository(restored).Count(Night));
    }

    [Fact]
    public async Task BackUp_WhileAnotherThreadWrites_IsConsistent()
    {
        // Arrange: one minute per transaction, written as fast as possible on another thread.
        using var db = NightLegDatabase.Open(new DatabaseOptions(DbPath), TimeProvider.System);
        var epochs = new LiteDbEpochRepository(db);
        AppendMinutes(epochs, 0, 60);
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(() =>
        {
            var minute = 60;
            while (!stop.IsCancellationRequested)
            {
                AppendMinutes(epochs, minute++, 1);
            }

            return minute;
        });

        // Act: three backups while it writes.
        var counts = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            var backup = Path.Combine(_dir, $"b{i}.db");
            db.BackUp(backup);
            using var copy = NightLegDatabase.Open(new DatabaseOptions(backup), TimeProvider.System);
            counts.Add(new LiteDbEpochRepository(copy).Count(Night));
        }

        stop.Cancel();
        var written = await writer;

        // Assert: each backup holds whole transactions (whole minutes), never a torn one.
        Assert.All(counts, c => Assert.Equal(0, c % 60));
        Assert.All(counts, c => Assert.InRange(c, 3600, written * 60L));
        Assert.True(counts[2] >= counts[0]);
    }

    [Fact]
    public void BackUp_OntoAFileThatIsNotADatabase_IsRefusedAndLeavesIt()
    {
        using var db = NightLegDatabase.Open(new DatabaseOptions(DbPath), TimeProvider.System);
        var notes = Path.Combine(_dir, "notes.txt");
        File.WriteAllText(notes, "my notes\n");

        var error = Assert.Throws<StorageException>(() => db.BackUp(notes));

        Assert.Contains("not a NightLeg database", error.Message);
        Assert.Equal("my notes\n", File.ReadAllText(notes));
        Assert.Empty(Directory.GetFiles(_dir, "*.partial"));
    }

    [Theory]
    [InlineData("2026-03-11T08:00:00+01:00", true, false)] // before the morning is over, yesterday's backup is recent: wait
    [InlineData("2026-03-11T10:30:00+01:00", true, true)] // after the morning: due
    [InlineData("2026-03-11T08:00:00+01:00", false, true)] // no backup at all: due at once
    public void AutomaticBackup_IsMadeWhenDue(string now, bool backupYesterdayEvening, bool expected)
    {
        // Arrange
        var time = new FakeTimeProvider(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));
        using var db = NightLegDatabase.Open(new DatabaseOptions(DbPath), TimeProvider.System);
        var backups = DatabaseBackups.For(DbPath);
        if (backupYesterdayEvening)
        {
            OwnerOnly.CreateDirectory(backups.Folder);
            var yesterday = backups.PathFor(new DateOnly(2026, 3, 10));
            db.BackUp(yesterday);
            File.SetLastWriteTimeUtc(yesterday, new DateTime(2026, 3, 10, 21, 0, 0, DateTimeKind.Utc));
        }

        var automatic = new AutomaticBackups(db, NightCalendar.ForZone("Europe/Oslo"), time, NullLogger<AutomaticBackups>.Instance);

        // Act
        var made = automatic.BackUpIfDue();
        var again = automatic.BackUpIfDue();

        // Assert
        Assert.Equal(expected, made is not null);
        Assert.Null(again); // once a day
        if (made is not null)
        {
            Assert.Equal("nightleg-2026-03-11.db", made.Name);
            Assert.Equal(OwnerOnly.DirectoryMode, File.GetUnixFileMode(backups.Folder));
        }
    }

    [Fact]
    public void AutomaticBackups_KeepTheNewestSeven()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        using var db = NightLegDatabase.Open(new DatabaseOptions(DbPath), TimeProvider.System);
        var automatic = new AutomaticBackups(db, NightCalendar.ForZone("Europe/Oslo"), time, NullLogger<AutomaticBackups>.Instance);

        for (var day = 0; day < 10; day++)
        {
            Assert.NotNull(automatic.BackUpIfDue());
            time.Advance(TimeSpan.FromDays(1));
        }

        var kept = DatabaseBackups.For(DbPath).List();
        Assert.Equal(7, kept.Count);
        Assert.Equal(new DateOnly(2026, 3, 4), kept[0].Date);
        Assert.Equal(new DateOnly(2026, 3, 10), kept[^1].Date);
    }

    [Fact]
    public void AutomaticBackups_BackupsFolderALinkToTheUsersFiles_NothingDeletedOrChanged()
    {
        // Issue 21, R10: with backups/ a symbolic link to a folder of the user's own files named like backups,
        // three were deleted and the folder set to 0700.
        var theirs = Directory.CreateDirectory(Path.Combine(_dir, "my-files")).FullName;
        File.SetUnixFileMode(theirs, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        for (var day = 1; day <= 10; day++)
        {
            File.WriteAllText(Path.Combine(theirs, $"nightleg-2020-01-{day:00}.db"), $"my note {day}");
        }

        Directory.CreateSymbolicLink(Path.Combine(_dir, "backups"), theirs);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        using var db = NightLegDatabase.Open(new DatabaseOptions(DbPath), TimeProvider.System);
        var automatic = new AutomaticBackups(db, NightCalendar.ForZone("Europe/Oslo"), time, NullLogger<AutomaticBackups>.Instance);

        var made = automatic.BackUpIfDue();

        Assert.Null(made);
        Assert.Equal(10, Directory.GetFiles(theirs).Length);
        Assert.Equal("my note 1", File.ReadAllText(Path.Combine(theirs, "nightleg-2020-01-01.db")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute, File.GetUnixFileMode(theirs));
    }

    [Fact]
    public void AutomaticBackups_PruneOnlyTheirOwn_AFileOfTheUsersNamedLikeABackupStays()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir, "backups")).FullName;
        File.WriteAllText(Path.Combine(folder, "nightleg-2020-01-01.db"), "not a database");
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        using var db = NightLegDatabase.Open(new DatabaseOptions(DbPath), TimeProvider.System);
        var automatic = new AutomaticBackups(db, NightCalendar.ForZone("Europe/Oslo"), time, NullLogger<AutomaticBackups>.Instance);

        for (var day = 0; day < 9; day++)
        {
            Assert.NotNull(automatic.BackUpIfDue());
            time.Advance(TimeSpan.FromDays(1));
        }

        Assert.Equal("not a database", File.ReadAllText(Path.Combine(folder, "nightleg-2020-01-01.db")));
        Assert.Equal(7, DatabaseBackups.For(DbPath).List().Count(b => NightLegDatabase.IsOwnBackup(b.File.FullName)));
    }

    private static void AppendMinutes(LiteDbEpochRepository epochs, int from, int minutes)
    {
        for (var m = from; m < from + minutes; m++)
        {
            epochs.Append(Night, Enumerable.Range(0, 60).Select(s => new SecondEpoch(Start.AddSeconds((m * 60) + s), 55, 0.01, null)).ToList());
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
