using System.Text.Json;
using NightLeg.Sync.Storage;
using NightLeg.Tests.Support;

namespace NightLeg.Tests.Mobile.Cli;

/// <summary>
/// <c>nightleg backup</c> makes a consistent copy also while NightLeg runs (the running one makes it,
/// asked through its owner-only control socket); <c>nightleg export</c> writes everything out
/// owner-only. (Issue 15, finding 7.)
/// </summary>
[Collection(RealTimeCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class BackupExportCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("nightleg-bk-").FullName;

    private string Db => Path.Combine(_dir, "nightleg.db");

    [Fact]
    public async Task BackupAndExport_WhileServeRecords_GoThroughTheRunningNightLeg_AndHoldTheRecentSeconds()
    {
        // Arrange: the demo night recording into the database.
        await using var serve = NightLegProcess.Start(["serve", "--demo", "--speed", "300", "--urls", "http://127.0.0.1:0", "--db", Db]);
        using var http = new HttpClient { BaseAddress = new Uri(await serve.WaitForUrlAsync()) };
        long stored = 0;
        await Eventually.HoldsAsync(async () =>
        {
            using var health = JsonDocument.Parse(await http.GetStringAsync("/health"));
            stored = health.RootElement.GetProperty("secondsStored").GetInt64();
            return stored >= 600;
        }, TimeSpan.FromSeconds(15));

        var backup = Path.Combine(_dir, "copy.db");

        // Act
        var (code, stdout, stderr) = await NightLegProcess.RunAsync(["backup", "--db", Db, "--out", backup]);

        // Assert
        Assert.True(code == 0, stderr);
        Assert.Contains("made by the running NightLeg", stdout);
        Assert.Equal(OwnerOnly.FileMode, File.GetUnixFileMode(backup));
        Assert.Equal(OwnerOnly.FileMode, File.GetUnixFileMode(Db + ".sock"));
        Assert.Equal(OwnerOnly.FileMode, File.GetUnixFileMode(Db));
        Assert.Equal(OwnerOnly.DirectoryMode, File.GetUnixFileMode(Path.Combine(_dir, "keys"))); // ASP.NET's keys, owner-only in the data folder
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_dir, "keys"), "key-*.xml"));
        Assert.DoesNotContain("unencrypted", serve.Stdout + serve.Stderr);
        Assert.False(serve.HasExited);

        // Export too (issue 20: it refused while NightLeg ran): from a copy the running one makes, removed after.
        var exported = Path.Combine(_dir, "while-running.json");
        var (exportCode, exportOut, exportErr) = await NightLegProcess.RunAsync(["export", "--db", Db, "--out", exported]);
        Assert.True(exportCode == 0, exportErr);
        Assert.Contains("from a copy the running NightLeg made", exportOut);
        using (var json = JsonDocument.Parse(File.ReadAllText(exported)))
        {
            Assert.Equal("nightleg-export", json.RootElement.GetProperty("format").GetString());
            Assert.NotEmpty(json.RootElement.GetProperty("nights").EnumerateArray());
        }

        Assert.Empty(Directory.GetFiles(_dir, ".nightleg.export-*"));
        using var copy = NightLegDatabase.Open(new DatabaseOptions(backup), TimeProvider.System);
        var nights = new LiteDbNightRepository(copy).List(DateOnly.MinValue, DateOnly.MaxValue);
        var seconds = nights.Sum(n => new LiteDbEpochRepository(copy).Count(n.Id));
        Assert.True(seconds >= stored - 10, $"{seconds} seconds in the backup, {stored} stored before it");
    }

    [Fact]
    public async Task Backup_WithNothingRunning_CopiesDirectly_AndRefusesToOverwriteAFileThatIsNotADatabase()
    {
        var (simCode, _, simErr) = await CliRunner.RunAsync("simulate", "--seed", "5", "--hours", "0.3", "--out", Path.Combine(_dir, "n.capture"));
        Assert.True(simCode == 0, simErr);
        var (replayCode, _, replayErr) = await CliRunner.RunAsync("replay", Path.Combine(_dir, "n.capture"), "--db", Db);
        Assert.True(replayCode == 0, replayErr);
        var notes = Path.Combine(_dir, "notes.txt");
        await File.WriteAllTextAsync(notes, "my notes\n");

        var ok = await CliRunner.RunAsync("backup", "--db", Db, "--out", Path.Combine(_dir, "b.db"));
        var refused = await CliRunner.RunAsync("backup", "--db", Db, "--out", notes);

        Assert.True(ok.ExitCode == 0, ok.Stderr);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("not a NightLeg database", refused.Stderr);
        Assert.Equal("my notes\n", await File.ReadAllTextAsync(notes));
    }

    [Fact]
    public async Task Export_WritesEveryNightOwnerOnly_AsJsonOrCsv()
    {
        var (simCode, _, simErr) = await CliRunner.RunAsync("simulate", "--seed", "5", "--hours", "0.3", "--out", Path.Combine(_dir, "n.capture"));
        Assert.True(simCode == 0, simErr);
        await CliRunner.RunAsync("replay", Path.Combine(_dir, "n.capture"), "--db", Db);
        var json = Path.Combine(_dir, "all.json");
        var csv = Path.Combine(_dir, "all.zip");

        var toJson = await CliRunner.RunAsync("export", "--db", Db, "--out", json);
        var toCsv = await CliRunner.RunAsync("export", "--db", Db, "--out", csv);

        Assert.True(toJson.ExitCode == 0, toJson.Stderr);
        Assert.Contains("Exported 1 night(s)", toJson.Stdout);
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        Assert.Equal("nightleg-export", document.RootElement.GetProperty("format").GetString());
        Assert.True(document.RootElement.GetProperty("nights")[0].GetProperty("seconds").GetArrayLength() > 1000);
        Assert.Equal(OwnerOnly.FileMode, File.GetUnixFileMode(json));
        Assert.True(toCsv.ExitCode == 0, toCsv.Stderr);
        using (var zip = System.IO.Compression.ZipFile.OpenRead(csv))
        using (var seconds = new StreamReader(zip.GetEntry("seconds.csv")!.Open()))
        {
            Assert.Equal("night,time_utc,heart_rate_bpm,movement_g", await seconds.ReadLineAsync());
        }

        var named = await CliRunner.RunAsync("export", "--db", Db, "--out", Path.Combine(_dir, "all.csv"));
        Assert.Equal(1, named.ExitCode);
        Assert.Contains("in one ZIP archive; name it", named.Stderr);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
