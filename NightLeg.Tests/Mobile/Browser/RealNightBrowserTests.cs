using Microsoft.Playwright;
using NightLeg.Domain.Nights;
using NightLeg.Evaluation;
using NightLeg.Sync.Storage;
using NightLeg.Tests.Support;

namespace NightLeg.Tests.Mobile.Browser;

/// <summary>A real night (sleep-lab wrist heart rate, no cramp) as the user meets it the morning after.</summary>
[Collection(RealTimeCollection.Name)]
public sealed class RealNightBrowserTests
{
    [Fact]
    public async Task RealNight_MorningAfter_BriefAwakeningsCollapsedNothingAskedHistoryCountsThemApart()
    {
        // Arrange: real night 781756 (21 wake bouts, none a cramp; three detections, each followed by sleep
        // within minutes), moved to last night, replayed into a database.
        await using var s = await BrowserSession.StartAsync([], prepare: PrepareLastNightAsync);

        // Act
        await s.GoAsync("/morning");

        // Assert: the brief awakenings wait collapsed; nothing is asked.
        var brief = s.Page.Locator("[data-testid=brief-awakenings]");
        await Assertions.Expect(brief).ToBeVisibleAsync();
        await Assertions.Expect(s.Page.Locator("[data-testid=brief-toggle]")).ToContainTextAsync("3 other awakenings");
        Assert.Equal(0, await s.Page.Locator("[data-testid=confirm]").CountAsync());
        await s.ScreenshotAsync("morning-brief");

        // A brief one can still be opened and confirmed.
        await s.TapAsync("brief-toggle");
        await Assertions.Expect(s.Page.Locator("[data-testid=brief-toggle]")).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(brief.Locator("[data-testid=event]").First).ToBeVisibleAsync();
        await s.ScreenshotAsync("morning-brief-open");

        await s.GoAsync("/history");
        await Assertions.Expect(s.Page.Locator("[data-testid=night-brief]").First).ToContainTextAsync("other awakening");
    }

    private static async Task PrepareLastNightAsync(string database)
    {
        var night = RealNight.LoadAll(RealNight.FindDirectory(RepositoryRoot.Path)!).Single(n => n.Truth.Id == "781756");
        var oslo = NightCalendar.ForZone("Europe/Oslo");
        var lastEvening = DateOnly.FromDateTime(oslo.ToLocal(DateTimeOffset.UtcNow).DateTime).AddDays(-1);
        var shift = TimeSpan.FromDays(lastEvening.DayNumber - new DateOnly(2026, 11, 20).DayNumber);
        var capture = Path.Combine(Path.GetDirectoryName(database)!, "last-night.capture");
        await File.WriteAllLinesAsync(capture, (await File.ReadAllLinesAsync(night.CapturePath)).Select(line => Shift(line, shift)));

        var (code, _, stderr) = await CliRunner.RunAsync("replay", capture, "--db", database);
        Assert.True(code == 0, stderr);
        using var db = NightLegDatabase.Open(new DatabaseOptions(database, null), TimeProvider.System);
        var settings = new LiteDbSettingsRepository(db);
        settings.Save(settings.Get() with { TimeZoneId = "Europe/Oslo" });
    }

    private static string Shift(string line, TimeSpan shift)
    {
        if (line.StartsWith('#') || line.Length == 0)
        {
            return line;
        }

        var comma = line.IndexOf(',', StringComparison.Ordinal);
        return (long.Parse(line[..comma], System.Globalization.CultureInfo.InvariantCulture) + (long)shift.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture) + line[comma..];
    }
}
