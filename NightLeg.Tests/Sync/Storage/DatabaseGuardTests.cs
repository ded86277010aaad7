using System.Security.Cryptography;
using LiteDB;
using NightLeg.Domain.Nights;
using NightLeg.Domain.Samples;
using NightLeg.Sync.Storage;
using NightLeg.Tests.Support;

namespace NightLeg.Tests.Sync.Storage;

/// <summary>
/// Only a NightLeg database is opened: anything else at the path is refused with one line and left
/// byte for byte as it was; a damaged database is detected at open, the user is told how to recover,
/// and it is not written to; files and folders are owner-only. (Issue 15, findings 1, 2, 8, 10.)
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DatabaseGuardTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("nightleg-guard-").FullName;

    [Theory]
    [InlineData(9)] // "my notes\n"
    [InlineData(100 * 1024)]
    [InlineData(3 * 8192)] // page-sized, as LiteDB's own would be
    public void Open_AFileThatIsNotOurs_IsRefusedAndLeftByteIdentical(int size)
    {
        // Arrange
        var path = Path.Combine(_dir, "notes.txt");
        var bytes = size == 9 ? "my notes\n"u8.ToArray() : RandomNumberGenerator.GetBytes(size);
        File.WriteAllBytes(path, bytes);
        var before = File.GetLastWriteTimeUtc(path);

        // Act
        var error = Assert.Throws<StorageException>(() => NightLegDatabase.Open(new DatabaseOptions(path), TimeProvider.System));

        // Assert
        Assert.Equal(StorageProblem.NotOurs, error.Problem);
        Assert.Contains(path, error.Message);
        Assert.Contains("not a NightLeg database", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(bytes, File.ReadAllBytes(path));
        Assert.Equal(before, File.GetLastWriteTimeUtc(path));
        Assert.Equal(["notes.txt"], Directory.GetFiles(_dir).Select(Path.GetFileName)); // no lock, no log left beside it
    }

    [Fact]
    public void Open_ALiteDbDatabaseOfAnotherProgram_IsRefusedAndLeftByteIdentical()
    {
        var path = Path.Combine(_dir, "other.db");
        using (var other = new LiteDatabase($"Filename={path};Connection=direct"))
        {
            other.GetCollection("customers").Insert(new BsonDocument { ["name"] = "Kari" });
        }

        var bytes = File.ReadAllBytes(path);

        var error = Assert.Throws<StorageException>(() => NightLegDatabase.Open(new DatabaseOptions(path), TimeProvider.System));

        Assert.Equal(StorageProblem.NotOurs, error.Problem);
        Assert.Contains("another program", error.Message);
        Assert.Equal(bytes, File.ReadAllBytes(path));
    }

    [Fact]
    public void Open_ADatabaseCutInTheMiddle_IsDetectedNamesTheBackupAndIsNeverWritten()
    {
        // Arrange: a real database with a few nights, cut to half its pages; and a backup of it.
        var path = Path.Combine(_dir, "nightleg.db");
        using (var db = NightLegDatabase.Open(new DatabaseOptions(path), TimeProvider.System))
        {
            Fill(db, minutes: 600);
            var backups = DatabaseBackups.For(path);
            OwnerOnly.CreateDirectory(backups.Folder);
            db.BackUp(backups.PathFor(new DateOnly(2026, 11, 25)));
        }

        var whole = File.ReadAllBytes(path);
        File.WriteAllBytes(path, whole[..(whole.Length / 2 / 8192 * 8192)]);
        var cut = File.ReadAllBytes(path);

        // Act: opened twice, as a user would retry.
        var first = Assert.Throws<StorageException>(() => NightLegDatabase.Open(new DatabaseOptions(path), TimeProvider.System));
        var second = Assert.Throws<StorageException>(() => NightLegDatabase.Open(new DatabaseOptions(path), TimeProvider.System));

        // Assert
        Assert.Equal(StorageProblem.Damaged, first.Problem);
        Assert.Contains("damaged", first.Message);
        Assert.Contains("cut short", first.Message);
        Assert.Contains("nightleg-2026-11-25.db", first.Message); // the last good backup, with the command to restore it
        Assert.Contains("nightleg export --db", first.Message);
        Assert.Equal(first.Message, second.Message);
        Assert.Equal(cut, File.ReadAllBytes(path));
        Assert.False(File.Exists(NightLegDatabase.LogPathOf(path)) && new FileInfo(NightLegDatabase.LogPathOf(path)).Length > 0);
    }

    [Fact]
    public void Open_ADatabaseWithADamagedIndexPage_IsDetectedAtOpenNotAtTheFirstWrite()
    {
        // Arrange: the length is right but the pages in the middle are zeros (a disk that lost them).
        var path = Path.Combine(_dir, "nightleg.db");
        using (var db = NightLegDatabase.Open(new DatabaseOptions(path), TimeProvider.System))
        {
            Fill(db, minutes: 600);
        }

        var bytes = File.ReadAllBytes(path);
        Array.Clear(bytes, 8192, bytes.Length - (2 * 8192));
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<StorageException>(() => NightLegDatabase.Open(new DatabaseOptions(path), TimeProvider.System));

        Assert.Equal(StorageProblem.Damaged, error.Problem);
        Assert.Contains("there is no backup of it yet", error.Message);
        Assert.Equal(bytes, File.ReadAllBytes(path));
    }

    [Fact]
    public async Task Export_OfADamagedDatabase_SavesWhatIsReadableAndNamesTheRest()
    {
        // Arrange: two nights; a page in the middle lost.
        var path = Path.Combine(_dir, "nightleg.db");
        using (var db = NightLegDatabase.Open(new DatabaseOptions(path), TimeProvider.System))
        {
            Fill(db, minutes: 600);
        }

        var bytes = File.ReadAllBytes(path);
        Array.Clear(bytes, bytes.Length / 2 / 8192 * 8192, 8192);
        File.WriteAllBytes(path, bytes);

        // Act
        using var readOnly = NightLegDatabase.OpenReadOnly(new DatabaseOptions(path), TimeProvider.System);
        var export = new NightLeg.Sync.Export.NightLegExport(new LiteDbNightRepository(readOnly), new LiteDbCrampEventRepository(readOnly), new LiteDbEpochRepository(readOnly));
        using var output = new MemoryStream();
        var result = await export.WriteJsonAsync(output);

        // Assert: valid JSON with what could be read; what could not is named; the file untouched.
        using var json = System.Text.Json.JsonDocument.Parse(output.ToArray());
        Assert.Equal("nightleg-export", json.RootElement.GetProperty("format").GetString());
        Assert.Equal(result.Nights, json.RootElement.GetProperty("nights").GetArrayLength());
        Assert.True(result.Nights + result.Unreadable.Count >= 1);
        Assert.Equal(bytes, File.ReadAllBytes(path));
    }

    [Fact]
    public void Open_AFolder_IsOneLineNamingIt()
    {
        var error = Assert.Throws<StorageException>(() => NightLegDatabase.Open(new DatabaseOptions(_dir), TimeProvider.System));

        Assert.Equal(StorageProblem.Access, error.Problem);
        Assert.Contains($"{_dir} is a folder", error.Message);
    }

    [Fact]
    public void Open_OnAReadOnlyFileSystem_NewOrExisting_IsOneLineAndNothingChanges()
    {
        // Arrange: an existing database, then the file system made read-only (as for root, too).
        using var disk = ScratchDisk.Mount(4 << 20);
        var existing = Path.Combine(disk.Path, "nightleg.db");
        NightLegDatabase.Open(new DatabaseOptions(existing), TimeProvider.System).Dispose();
        var bytes = File.ReadAllBytes(existing);
        disk.MakeReadOnly();

        // Act
        var onExisting = Assert.Throws<StorageException>(() => NightLegDatabase.Open(new DatabaseOptions(existing), TimeProvider.System));
        var onNew = Assert.Throws<StorageException>(() => NightLegDatabase.Open(new DatabaseOptions(Path.Combine(disk.Path, "new.db")), TimeProvider.System));
        var inNewFolder = Assert.Throws<StorageException>(() => NightLegDatabase.Open(new DatabaseOptions(Path.Combine(disk.Path, "sub", "new.db")), TimeProvider.System));

        // Assert
        Assert.Contains($"{existing} cannot be written: read-only file system", onExisting.Message);
        Assert.Contains("read-only file system", onNew.Message);
        Assert.Contains(Path.Combine(disk.Path, "sub"), inNewFolder.Message);
        Assert.Equal(bytes, File.ReadAllBytes(existing));
    }

    [Fact]
    public void Open_New_CreatesFileAndFolderOwnerOnly_AndTightensAnOldDatabase()
    {
        // Arrange
        var folder = Path.Combine(_dir, "data", "nightleg");
        var path = Path.Combine(folder, "nightleg.db");

        // Act
        using (var db = NightLegDatabase.Open(new DatabaseOptions(path), TimeProvider.System))
        {
            Fill(db, minutes: 2);
            db.FlushToDisk();
            Assert.Equal(OwnerOnly.FileMode, File.GetUnixFileMode(NightLegDatabase.LogPathOf(path)));
        }

        File.SetUnixFileMode(path, OwnerOnly.FileMode | UnixFileMode.GroupRead | UnixFileMode.OtherRead); // as the first version made it
        NightLegDatabase.Open(new DatabaseOptions(path), TimeProvider.System).Dispose();

        // Assert
        Assert.Equal(OwnerOnly.DirectoryMode, File.GetUnixFileMode(folder));
        Assert.Equal(OwnerOnly.DirectoryMode, File.GetUnixFileMode(Path.GetDirectoryName(folder)!));
        Assert.Equal(OwnerOnly.FileMode, File.GetUnixFileMode(path));
        Assert.Equal(OwnerOnly.FileMode, File.GetUnixFileMode(path + ".lock"));
    }

    [Fact]
    public void Open_ADatabaseOfTheFirstVersion_WithoutTheSchemaMark_OpensAndIsMarked()
    {
        // Arrange: what the first NightLeg wrote: user_version 1, our collections, no mark.
        var path = Path.Combine(_dir, "nightleg.db");
        using (var raw = new LiteDatabase($"Filename={path};Connection=direct"))
        {
            raw.UserVersion = 1;
            raw.GetCollection("nights").Insert(new BsonDocument { ["_id"] = "2026-03-10@Europe/Oslo", ["date"] = 20260310 });
        }

        // Act
        using var db = NightLegDatabase.Open(new DatabaseOptions(path), TimeProvider.System);

        // Assert
        Assert.Equal(1, db.Read("nights", c => c.Count()));
        Assert.NotNull(db.Read("meta", c => c.FindById("nightleg")));
    }

    [Fact]
    public void FlushToDisk_AfterABatch_TheDataAndLogCopiedNowHoldIt()
    {
        // What a power cut right after the batch would leave: the two files as they are on disk now.
        var path = Path.Combine(_dir, "nightleg.db");
        using var db = NightLegDatabase.Open(new DatabaseOptions(path), TimeProvider.System);
        Fill(db, minutes: 3);
        db.FlushToDisk();
        var copy = Path.Combine(_dir, "copy.db");
        File.Copy(path, copy);
        File.Copy(NightLegDatabase.LogPathOf(path), NightLegDatabase.LogPathOf(copy));

        using var reopened = NightLegDatabase.Open(new DatabaseOptions(copy), TimeProvider.System);

        Assert.Equal(180, new LiteDbEpochRepository(reopened).Count(Night));
    }

    private static readonly NightId Night = new(new DateOnly(2026, 3, 10), "Europe/Oslo");

    private static void Fill(NightLegDatabase db, int minutes)
    {
        var start = new DateTimeOffset(2026, 3, 10, 22, 0, 0, TimeSpan.Zero);
        var epochs = new LiteDbEpochRepository(db);
        for (var m = 0; m < minutes; m++)
        {
            epochs.Append(Night, Enumerable.Range(0, 60).Select(s => new SecondEpoch(start.AddSeconds((m * 60) + s), 55 + (s % 7), 0.01, null)).ToList());
        }

        var calendar = NightCalendar.ForZone("Europe/Oslo");
        var nights = new LiteDbNightRepository(db);
        var recorder = new NightRecorder(calendar);
        foreach (var e in epochs.Read(start, start.AddMinutes(minutes)))
        {
            recorder.Add(new HeartRateSample(e.Start, (int)e.HeartRateBpm!.Value, [], SensorContact.Detected));
        }

        recorder.Complete();
        foreach (var night in recorder.Nights)
        {
            nights.Save(night);
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
