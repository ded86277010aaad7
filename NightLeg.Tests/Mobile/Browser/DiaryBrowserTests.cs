using Microsoft.Playwright;
using NightLeg.Sync.Storage;
using NightLeg.Tests.Support;

namespace NightLeg.Tests.Mobile.Browser;

/// <summary>The diary screens a runner uses, in Chromium at phone size, in English and bokmål. (Issue 13.)</summary>
[Collection(RealTimeCollection.Name)]
public sealed class DiaryBrowserTests
{
    [Theory]
    [InlineData("en-GB", "")]
    [InlineData("nb-NO", "nb-")]
    public async Task EveningCheckIn_ATapEach_IsKept(string locale, string prefix)
    {
        await using var s = await BrowserSession.StartAsync(["--demo", "--speed", "1"], locale);
        await s.GoAsync("/tonight");
        await s.TapAsync("start-night");
        await s.Page.WaitForSelectorAsync("[data-testid=checkin]");

        await s.TapAsync("run-hard");
        await s.TapAsync("km-18");
        await s.TapAsync("surface-road");
        await s.TapAsync("newShoes-yes");
        await s.TapAsync("enoughToDrink-no");
        await s.TapAsync("heavyDuvet-yes");
        await s.Page.Locator("[data-testid=tag-input]").FillAsync("sauna");
        await s.Page.Locator("[data-testid=tag-input]").PressAsync("Enter");
        await Assertions.Expect(s.Page.Locator("[data-testid=tag-sauna]")).ToHaveAttributeAsync("aria-pressed", "true");
        await s.Page.Locator("[data-testid=tag-input]").BlurAsync();
        await s.Page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await s.ScreenshotAsync($"{prefix}checkin");
        await s.TapAsync("checkin-save");

        await Assertions.Expect(s.Page.Locator("[data-testid=checkin]")).ToHaveCountAsync(0);
        await s.Page.ReloadAsync();
        await s.Page.WaitForSelectorAsync("[data-interactive=true]");
        await Assertions.Expect(s.Page.Locator("[data-testid=checkin]")).ToHaveCountAsync(0); // done for tonight
    }

    [Theory]
    [InlineData("en-GB", "")]
    [InlineData("nb-NO", "nb-")]
    public async Task History_ShowsWhatGoesWithCrampNights_WhatHelps_AndTheReport(string locale, string prefix)
    {
        // Arrange: two months of diary up to last night.
        await using var s = await BrowserSession.StartAsync([], locale, prepare: database =>
        {
            using var db = NightLegDatabase.Open(new DatabaseOptions(database), TimeProvider.System);
            NightLeg.Sync.Simulation.SampleHistory.Seed(db, DateOnly.FromDateTime(DateTime.Now).AddDays(-1));
            return Task.CompletedTask;
        });

        // Act + Assert: the planted factor is called, with its counts; the toe lift compared.
        await s.GoAsync("/history");
        var called = s.Page.Locator("[data-testid=factor-called]").First;
        await Assertions.Expect(called).ToHaveAttributeAsync("data-factor", "hardRun");
        await called.ScrollIntoViewIfNeededAsync();
        await s.ScreenshotAsync($"{prefix}what-goes-with");
        var helps = s.Page.Locator("[data-testid=helps]").First;
        await Assertions.Expect(helps).ToBeVisibleAsync();
        await helps.ScrollIntoViewIfNeededAsync();
        await s.ScreenshotAsync($"{prefix}what-helps");

        // The doctor's report, as printed.
        await s.TapAsync("to-report");
        await Assertions.Expect(s.Page.Locator("[data-testid=report]")).ToBeVisibleAsync();
        await s.TapAsync("weeks-2");
        await Assertions.Expect(s.Page.Locator("[data-testid=report-nights] tbody tr")).ToHaveCountAsync(14);
        await s.Page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await s.ScreenshotAsync($"{prefix}report-print");
        var pdf = await s.Page.PdfAsync(new PagePdfOptions { Format = "A4" });
        Assert.True(pdf.Length > 10_000);
    }

    [Theory]
    [InlineData("en-GB", "", "27 without data", "1 / 1")]
    [InlineData("nb-NO", "nb-", "27 uten data", "1 / 1")]
    public async Task Report_LastNightsCrampAndNightsWithoutData_SaysSo(string locale, string prefix, string noData, string crampNights)
    {
        // Arrange: a new user logged last night's cramp by hand; nothing else is known of the four weeks.
        await using var s = await BrowserSession.StartAsync([], locale, prepare: database =>
        {
            using var db = NightLegDatabase.Open(new DatabaseOptions(database), TimeProvider.System);
            var calendar = new NightLeg.Domain.Nights.NightCalendar(TimeZoneInfo.Local);
            var lastNight = calendar.NightOf(DateTimeOffset.UtcNow.AddHours(-12));
            new LiteDbCrampEventRepository(db).Save(NightLeg.Domain.Cramps.CrampEvent.LoggedByHand(Guid.NewGuid(), lastNight,
                calendar.ToUtc(lastNight, new TimeOnly(3, 10)), NightLeg.Domain.Cramps.CrampDetails.Empty with { Intensity = 8 }));
            return Task.CompletedTask;
        });

        // Act
        await s.GoAsync("/report");

        // Assert: the span tells the nights apart, and none without data is a night without cramps.
        await Assertions.Expect(s.Page.Locator("[data-testid=report-span]")).ToContainTextAsync(noData);
        await Assertions.Expect(s.Page.Locator("[data-testid=report-no-data]")).ToBeVisibleAsync();
        await Assertions.Expect(s.Page.Locator("[data-testid=report-cramp-nights]")).ToHaveTextAsync(crampNights);
        await Assertions.Expect(s.Page.Locator("[data-testid=report-nights] tbody tr")).ToHaveCountAsync(1);
        var overflow = await s.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the report is wider than the phone");
        await s.ScreenshotAsync($"{prefix}report-new-user");
    }

    [Theory]
    [InlineData("en-GB", "", "Not a cramp · Bathroom", "Right · Calf · pain 7/10")]
    [InlineData("nb-NO", "nb-", "Ikke krampe · Toalettet", "Høyre · Legg · smerte 7/10")]
    public async Task Answers_ShownOnMorningAndTheNightsPage_ChangedAndUndone(string locale, string prefix, string dismissed, string details)
    {
        // Arrange: last night was recorded; its one awakening was confirmed as a cramp with details.
        NightLeg.Domain.Nights.NightId night = default;
        await using var s = await BrowserSession.StartAsync([], locale, prepare: database =>
        {
            using var db = NightLegDatabase.Open(new DatabaseOptions(database), TimeProvider.System);
            var calendar = new NightLeg.Domain.Nights.NightCalendar(TimeZoneInfo.Local);
            night = calendar.NightOf(DateTimeOffset.UtcNow.AddHours(-12));
            var (start, end) = (calendar.ToUtc(night, new TimeOnly(23, 0)), calendar.ToUtc(night, new TimeOnly(6, 30)));
            new LiteDbNightRepository(db).Save(new NightLeg.Domain.Nights.Night(night, start, end, null, null, null, null, [], NightLeg.Domain.History.SleepStatistics.None));
            var onset = calendar.ToUtc(night, new TimeOnly(3, 12));
            var detection = new NightLeg.Domain.Detection.AwakeningDetected(onset, onset.AddSeconds(18), 52, 81, 29, null, 0.8, NightLeg.Domain.Detection.DetectionEvidence.HeartRateAndMotion);
            var cramp = NightLeg.Domain.Cramps.CrampEvent.FromDetection(Guid.NewGuid(), night, detection)
                .Revised(new NightLeg.Domain.Cramps.CrampDetails(NightLeg.Domain.Cramps.Leg.Right, NightLeg.Domain.Cramps.CrampLocation.Calf, 7, TimeSpan.FromSeconds(210), ["stretch"], null, null));
            new LiteDbCrampEventRepository(db).Save(cramp);
            return Task.CompletedTask;
        });

        // Act + Assert: Morning shows the answer with its details.
        await s.GoAsync("/morning");
        var card = s.Page.Locator("[data-testid=event]").First;
        await Assertions.Expect(card.Locator("[data-testid=event-details]")).ToContainTextAsync(details);

        // Changed to "not a cramp", then undone right after the tap.
        await s.TapAsync("change-dismiss");
        await s.TapAsync("reason-bathroom");
        await Assertions.Expect(card.Locator("[data-testid=event-status]")).ToHaveTextAsync(dismissed);
        await Assertions.Expect(card.Locator("[data-testid=undo]")).ToBeVisibleAsync();
        await s.ScreenshotAsync($"{prefix}morning-changed");
        await s.TapAsync("undo");
        await Assertions.Expect(card.Locator("[data-testid=event-details]")).ToContainTextAsync(details);
        await Assertions.Expect(card.Locator("[data-testid=undo]")).ToHaveCountAsync(0);

        // The night's page shows the same answer, and changes it too; history follows.
        await s.GoAsync("/history/" + Uri.EscapeDataString(night.ToString()));
        var onPage = s.Page.Locator("[data-testid=event]").First;
        await Assertions.Expect(onPage.Locator("[data-testid=event-details]")).ToContainTextAsync(details);
        await onPage.ScrollIntoViewIfNeededAsync();
        await s.ScreenshotAsync($"{prefix}night-answer");
        await s.TapAsync("change-dismiss");
        await s.TapAsync("reason-bathroom");
        await Assertions.Expect(onPage.Locator("[data-testid=event-status]")).ToHaveTextAsync(dismissed);
        await s.GoAsync("/history");
        await Assertions.Expect(s.Page.Locator("[data-testid=night-cramps]")).ToHaveCountAsync(0);

        // …and back to a cramp (its details kept in the form), shown with them; History counts it again.
        await s.GoAsync("/history/" + Uri.EscapeDataString(night.ToString()));
        await s.TapAsync("change-confirm");
        await s.TapAsync("form-save");
        await Assertions.Expect(onPage.Locator("[data-testid=event-details]")).ToContainTextAsync(details);
        await s.GoAsync("/history");
        await Assertions.Expect(s.Page.Locator("[data-testid=night-cramps]")).ToHaveCountAsync(1);
    }

    [Theory]
    [InlineData("en-GB", "", "Brought in 4 nights: 3 cramps and 4 days", "Logged by hand", "Cramp nights so far: 2 of 4.", "Hard or long run (6 more nights with it, 6 without, before NightLeg can tell)")]
    [InlineData("nb-NO", "nb-", "Hentet inn 4 netter: 3 kramper og 4 dager", "Ført for hånd", "Krampenetter så langt: 2 av 4.", "Hard eller lang tur (6 netter til med, 6 uten, før NightLeg kan si noe)")]
    public async Task DiaryCsv_BroughtInInSettings_ShowsInHistoryAndInsights_AndComesOutAgainAsCsv(string locale, string prefix, string done, string logged, string counts, string progress)
    {
        // Arrange: a new user with a diary kept in a spreadsheet (the documented example, moved to last month).
        var lines = (await File.ReadAllLinesAsync(RepositoryRoot.Combine("docs", "examples", "diary.csv"))).ToList();
        var shift = DateOnly.FromDateTime(DateTime.Now).AddDays(-20).DayNumber - DateOnly.Parse(lines[1][..10], System.Globalization.CultureInfo.InvariantCulture).DayNumber;
        var file = Path.Combine(Path.GetTempPath(), $"diary-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(file, lines.Select((l, i) => i == 0 ? l : DateOnly.Parse(l[..10], System.Globalization.CultureInfo.InvariantCulture).AddDays(shift).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + l[10..]));
        await using var s = await BrowserSession.StartAsync([], locale);

        try
        {
            // Act: a file with a mistake first — refused by line, nothing kept — then the diary.
            var broken = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.csv");
            await File.WriteAllTextAsync(broken, "date,intensity\n2026-10-01,12\nyesterday,3\n");
            await s.GoAsync("/settings");
            await s.Page.Locator("[data-testid=diary-file]").SetInputFilesAsync(broken);
            await Assertions.Expect(s.Page.Locator("[data-testid=diary-problems] li")).ToHaveCountAsync(2);
            File.Delete(broken);
            await s.Page.Locator("[data-testid=diary-file]").SetInputFilesAsync(file);

            // Assert: told what came in; history lists the nights as logged; insights count them.
            await Assertions.Expect(s.Page.Locator("[data-testid=diary-imported]")).ToContainTextAsync(done);
            await s.Page.Locator("[data-testid=diary-import]").ScrollIntoViewIfNeededAsync();
            await s.ScreenshotAsync($"{prefix}diary-imported");
            await s.GoAsync("/history");
            await Assertions.Expect(s.Page.Locator("[data-testid=night-row]")).ToHaveCountAsync(4);
            await Assertions.Expect(s.Page.Locator("[data-testid=night-row]").First).ToContainTextAsync(logged);
            await Assertions.Expect(s.Page.Locator("[data-testid=night-cramps]")).ToHaveCountAsync(2);
            await Assertions.Expect(s.Page.Locator("[data-testid=insights-counts]")).ToHaveTextAsync(counts);
            await Assertions.Expect(s.Page.Locator("[data-testid=factor-waiting]")).ToContainTextAsync(progress); // progress long before 8 + 8 nights
            await s.ScreenshotAsync($"{prefix}history-diary");

            // A logged night's own page: its cramp with the diary's details, changeable like any other.
            await s.Page.Locator("[data-testid=night-row]").Last.TapAsync();
            await Assertions.Expect(s.Page.Locator("[data-testid=not-recorded]")).ToBeVisibleAsync();
            await Assertions.Expect(s.Page.Locator("[data-testid=event-details]").First).ToContainTextAsync("7/10");

            // And everything comes out again as CSV tables.
            var response = await s.Page.APIRequest.GetAsync(s.Url.TrimEnd('/') + "/export/nightleg-csv.zip");
            Assert.Equal(200, response.Status);
            using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(await response.BodyAsync()));
            Assert.Equal(NightLeg.Sync.Export.NightLegExport.CsvTables, zip.Entries.Select(e => e.FullName));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("en-GB", "", "Sample history.")]
    [InlineData("nb-NO", "nb-", "Eksempelhistorikk.")]
    public async Task SampleHistory_OpensForANewUser_AndIsRemovedWithoutATrace(string locale, string prefix, string banner)
    {
        await using var s = await BrowserSession.StartAsync([], locale);

        // A new user: nothing of their own, the sample offered.
        await s.GoAsync("/history");
        await Assertions.Expect(s.Page.Locator("[data-testid=night-row]")).ToHaveCountAsync(0);
        await s.TapAsync("sample-open");

        // Eight weeks of a made-up runner, said to be one; what goes with the cramp nights already called.
        await Assertions.Expect(s.Page.Locator("[data-testid=sample-banner]")).ToContainTextAsync(banner);
        await Assertions.Expect(s.Page.Locator("[data-testid=night-row]")).ToHaveCountAsync(NightLeg.Mobile.Services.SampleHistoryView.Nights);
        await Assertions.Expect(s.Page.Locator("[data-testid=factor-called]").First).ToBeVisibleAsync();
        await Assertions.Expect(s.Page.Locator("[data-testid=to-report]")).ToHaveCountAsync(0);
        await s.ScreenshotAsync($"{prefix}sample-history");

        // Removed: the page is the user's own again, and their database never held any of it.
        await s.TapAsync("sample-remove");
        await Assertions.Expect(s.Page.Locator("[data-testid=night-row]")).ToHaveCountAsync(0);
        await Assertions.Expect(s.Page.Locator("[data-testid=sample-offer]")).ToBeVisibleAsync();
        var export = await s.Page.APIRequest.GetAsync(s.Url.TrimEnd('/') + "/export/nightleg.json");
        using var json = System.Text.Json.JsonDocument.Parse(await export.TextAsync());
        Assert.Equal(0, json.RootElement.GetProperty("nights").GetArrayLength());
    }
}
