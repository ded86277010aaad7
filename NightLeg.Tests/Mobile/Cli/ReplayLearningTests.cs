using System.Text.Json;
using NightLeg.Domain.Cramps;
using NightLeg.Domain.Nights;
using NightLeg.Sync.Capture;
using NightLeg.Sync.Devices;
using NightLeg.Sync.Simulation;
using NightLeg.Sync.Storage;
using NightLeg.Tests.Support;

namespace NightLeg.Tests.Mobile.Cli;

/// <summary>
/// `replay --db` night after night into one database, with the morning answers in between (given through
/// the journal, as the app gives them): the answers teach the next nights.
/// </summary>
public sealed class ReplayLearningTests : IDisposable
{
    private const int Seed = 3000;
    private readonly string _dir = Directory.CreateTempSubdirectory("nightleg-learn-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task ReplayDb_AWeekDismissed_TheNextWeekAsksHalfAsMuch()
    {
        // Arrange: two weeks of one sleeper (seed 3000: a Polar H10, a different real hypnogram each night, no cramps).
        var captures = Enumerable.Range(0, 14).Select(Capture).ToList();
        var taught = Path.Combine(_dir, "taught.db");
        var untaught = Path.Combine(_dir, "untaught.db");

        // Act: week one into both databases; in one, every question is answered "not a cramp" the morning after.
        var weekOne = 0;
        foreach (var capture in captures.Take(7))
        {
            weekOne += (await ReplayAsync(capture, taught)).Asked;
            DismissEveryQuestion(taught);
            await ReplayAsync(capture, untaught);
        }

        var weekTwoTaught = 0;
        var weekTwoUntaught = 0;
        foreach (var capture in captures.Skip(7))
        {
            weekTwoTaught += (await ReplayAsync(capture, taught)).Asked;
            weekTwoUntaught += (await ReplayAsync(capture, untaught)).Asked;
        }

        // Assert: measured 9 questions in week one; in week two 4 after the answers against 8 without them.
        Assert.True(weekOne >= 5, $"{weekOne} questions in week one");
        Assert.True(weekTwoTaught * 2 <= weekTwoUntaught, $"week two: {weekTwoTaught} questions after a week of answers, {weekTwoUntaught} without");
    }

    private string Capture(int night)
    {
        var ids = HypnogramLibrary.Ids;
        var options = new SimulationOptions(Seed, DeviceFamilies.Default.Simulate("polar-h10"), 0, HypnogramLibrary.Get(ids[(Seed + night) % ids.Count]),
            new DateTimeOffset(2026, 3, 1, 22, 0, 0, TimeSpan.Zero).AddDays(night), SimulationOptions.DefaultTimeZone);
        var simulator = new NightSimulator(options);
        var path = Path.Combine(_dir, $"{night}.capture");
        using var writer = CaptureWriter.Create(path, simulator.Header);
        simulator.WriteCapture(writer);
        return path;
    }

    private static async Task<(int Events, int Asked)> ReplayAsync(string capture, string database)
    {
        var (code, stdout, stderr) = await CliRunner.RunAsync("replay", capture, "--db", database, "--json");
        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var events = json.RootElement.GetProperty("events").EnumerateArray().ToList();
        return (events.Count, events.Count(e => e.GetProperty("review").GetString() == "ask"));
    }

    /// <summary>The morning after: every event the review asks about, answered "not a cramp".</summary>
    private static void DismissEveryQuestion(string path)
    {
        using var database = NightLegDatabase.Open(new DatabaseOptions(path, null), TimeProvider.System);
        var events = new LiteDbCrampEventRepository(database);
        var epochs = new LiteDbEpochRepository(database);
        var journal = new CrampJournal(events, new LiteDbNightRepository(database), NightCalendar.ForZone(SimulationOptions.DefaultTimeZone), TimeProvider.System,
            new LiteDbSleeperProfileRepository(database));
        var reviewer = new AwakeningReviewer(epochs);
        foreach (var e in events.List(new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 1)).Where(e => e.Status == ReviewStatus.Pending))
        {
            if (reviewer.ReviewOf(e) == NightLeg.Domain.Detection.ReviewKind.Ask)
            {
                Assert.True(journal.Dismiss(e.Id, DismissReason.Other).Succeeded);
            }
        }
    }
}
