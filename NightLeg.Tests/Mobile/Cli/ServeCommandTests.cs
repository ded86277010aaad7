using System.Net;
using System.Text.Json;
using NightLeg.Domain.Nights;
using NightLeg.Sync.Storage;
using NightLeg.Tests.Support;

namespace NightLeg.Tests.Mobile.Cli;

/// <summary>The real <c>nightleg</c> executable, started as a child process.</summary>
[Collection(RealTimeCollection.Name)]
public sealed class ServeCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("nightleg-serve-").FullName;

    private string Db => Path.Combine(_dir, "nightleg.db");

    [Fact]
    public async Task Serve_WithUrls_PrintsUrlAndLink_AnswersHealthAndPage()
    {
        // Arrange
        await using var nightleg = NightLegProcess.Start(["serve", "--urls", "http://127.0.0.1:0", "--db", Db]);
        var url = await nightleg.WaitForUrlAsync();
        using var http = await nightleg.LetInClientAsync();

        // Act
        using var health = await http.GetAsync("/health");
        using var page = await http.GetAsync("/");

        // Assert
        Assert.StartsWith("http://127.0.0.1:", url);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var json = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        Assert.Equal("ok", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("NightLeg", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task NoCommand_ServesLikeServe()
    {
        await using var nightleg = NightLegProcess.Start(["--urls", "http://127.0.0.1:0", "--db", Db]);

        var url = await nightleg.WaitForUrlAsync();
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        using var health = await http.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task SecondServe_OnTheSameDatabase_ExitsNonZeroNamingTheFile()
    {
        // Arrange
        await using var first = NightLegProcess.Start(["serve", "--urls", "http://127.0.0.1:0", "--db", Db]);
        await first.WaitForUrlAsync();

        // Act
        var (code, _, stderr) = await NightLegProcess.RunAsync(["serve", "--urls", "http://127.0.0.1:0", "--db", Db]);

        // Assert
        Assert.NotEqual(0, code);
        Assert.Contains(Db, stderr);
        Assert.Contains("Another NightLeg is using", stderr);
        Assert.False(first.HasExited);
    }

    [Fact]
    public async Task Serve_KilledMidNight_DatabaseReopensWithEverySecondUpToTheBound()
    {
        // Arrange: the demo night at 300× into a real database.
        // The demo night starts now; in a zone where it is about midnight, its minutes never cross the noon between two nights.
        await using var nightleg = NightLegProcess.Start(["serve", "--demo", "--speed", "300", "--urls", "http://127.0.0.1:0", "--db", Db], MidnightZone());
        using var http = new HttpClient { BaseAddress = new Uri(await nightleg.WaitForUrlAsync()) };
        DateTimeOffset lastSeen = default;
        await Eventually.HoldsAsync(async () =>
        {
            using var status = JsonDocument.Parse(await http.GetStringAsync("/health"));
            if (status.RootElement.GetProperty("secondsStored").GetInt64() > 1800 && status.RootElement.GetProperty("lastDataAt").ValueKind == JsonValueKind.String)
            {
                lastSeen = status.RootElement.GetProperty("lastDataAt").GetDateTimeOffset();
            }

            return lastSeen != default;
        }, TimeSpan.FromSeconds(20));

        Assert.NotEqual(default, lastSeen);

        // Act: SIGKILL, as a crash or power cut would.
        nightleg.Kill();
        await nightleg.WaitForExitAsync(TimeSpan.FromSeconds(10));

        // Assert: the file opens; every second up to the last one seen, less the stated bound (batch 5 s + 2 s), is there, without holes.
        using var database = NightLegDatabase.Open(new DatabaseOptions(Db), TimeProvider.System);
        var nights = new LiteDbNightRepository(database).List(DateOnly.MinValue, DateOnly.MaxValue);
        var night = Assert.Single(nights);
        var seconds = new LiteDbEpochRepository(database).Read(night.RecordingStart, lastSeen.AddMinutes(10)).Select(e => e.Start).ToList();
        Assert.True(seconds[^1] >= lastSeen.AddSeconds(-7), $"stored up to {seconds[^1]:O}, last seen {lastSeen:O}");
        var holes = seconds.Zip(seconds.Skip(1)).Where(p => (p.Second - p.First).TotalSeconds > 1).ToList();
        Assert.True(holes.Count == 0, $"holes at {string.Join(", ", holes.Select(h => h.First.ToString("O")))}");
    }

    [Fact]
    public async Task Serve_Record_WritesTheLiveStreamAsACaptureThatReplays()
    {
        // Arrange: record the demo night's live notifications while it plays at 300×.
        var capture = Path.Combine(_dir, "live.capture");
        await using (var nightleg = NightLegProcess.Start(["serve", "--demo", "--speed", "300", "--record", capture, "--urls", "http://127.0.0.1:0", "--db", Db]))
        {
            using var http = new HttpClient { BaseAddress = new Uri(await nightleg.WaitForUrlAsync()) };
            await Eventually.HoldsAsync(async () =>
            {
                using var status = JsonDocument.Parse(await http.GetStringAsync("/health"));
                return status.RootElement.GetProperty("secondsStored").GetInt64() > 1200;
            }, TimeSpan.FromSeconds(20));

            // Until the capture holds what was stored (it is flushed with each database batch), then the kill.
            await Eventually.HoldsAsync(() => new FileInfo(capture).Length >= 2_000_000, TimeSpan.FromSeconds(20));

            nightleg.Kill();
        }

        // Act: the capture replays through the same path (a line cut off by the kill is only a warning).
        var (code, stdout, stderr) = await CliRunner.RunAsync("replay", capture, "--json");

        // Assert
        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var samples = json.RootElement.GetProperty("samples");
        Assert.True(samples.GetProperty("heartRate").GetInt64() > 1000, stdout);
        Assert.True(samples.GetProperty("motion").GetInt64() > 50_000, stdout);
        Assert.Equal(0, samples.GetProperty("invalid").GetInt64());
    }

    [Fact]
    public void DefaultUrls_IsLoopbackOnPort5180()
    {
        Assert.Equal("http://127.0.0.1:5180", NightLeg.Mobile.Cli.ServeCommand.DefaultUrls);
    }

    [Fact]
    public async Task Help_ListsTheCommandsThatExist()
    {
        var (exitCode, stdout, _) = await NightLegProcess.RunAsync(["--help"]);

        Assert.Equal(0, exitCode);
        foreach (var command in new[] { "serve", "decode", "simulate", "replay", "backup", "export" })
        {
            Assert.Matches($@"(?m)^\s+{command}\s", stdout);
        }
    }

    /// <summary>A TZ in which it is now between 23:00 and 01:00 (Etc/GMT-N is UTC+N).</summary>
    private static Dictionary<string, string> MidnightZone()
    {
        var offset = -DateTime.UtcNow.Hour;
        if (offset < -12)
        {
            offset += 24;
        }

        return new Dictionary<string, string> { ["TZ"] = offset == 0 ? "Etc/UTC" : $"Etc/GMT{(offset > 0 ? "-" : "+")}{Math.Abs(offset)}" };
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
