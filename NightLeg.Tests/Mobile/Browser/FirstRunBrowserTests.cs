using Microsoft.Playwright;
using NightLeg.Tests.Support;

namespace NightLeg.Tests.Mobile.Browser;

/// <summary>A new install, as a new user meets it: a welcome instead of an empty page, and the sound heard before a night needs it. (Issue 20.)</summary>
[Collection(RealTimeCollection.Name)]
public sealed class FirstRunBrowserTests
{
    [Theory]
    [InlineData("en-GB", "", "Welcome to NightLeg")]
    [InlineData("nb-NO", "nb-", "Velkommen til NightLeg")]
    public async Task NewInstall_Welcomes_WithTheStepsToAFirstNight_AndTheSoundCanBeHeard(string locale, string prefix, string title)
    {
        await using var s = await BrowserSession.StartAsync([], locale);

        // Act
        await s.GoAsync("/tonight");

        // Assert: what NightLeg does and the way on — pair, the demo, the phone, a sample.
        var welcome = s.Page.Locator("[data-testid=welcome]");
        await Assertions.Expect(welcome.Locator("h1")).ToHaveTextAsync(title);
        await Assertions.Expect(welcome.Locator("ol.steps li")).ToHaveCountAsync(3);
        foreach (var way in new[] { "welcome-pair", "welcome-demo", "welcome-phone", "welcome-sample" })
        {
            await Assertions.Expect(s.Page.Locator($"[data-testid={way}]")).ToBeVisibleAsync();
        }

        var overflow = await s.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the welcome is wider than the phone");
        await s.ScreenshotAsync($"{prefix}welcome");

        // The phone step lands on Settings › Phone, which says how to reach NightLeg from a phone.
        await s.TapAsync("welcome-phone");
        await Assertions.Expect(s.Page.Locator("[data-testid=phone-off]")).ToContainTextAsync("nightleg serve --lan");

        // The sound can be tried before a night needs it (and nothing sounded before the tap).
        Assert.Empty(await s.AlertsAsync());
        await s.TapAsync("sound-test");
        Assert.Contains("audio", await s.AlertsAsync());
    }

    [Fact]
    public async Task EndingTheNight_SumsItUp_AndNoLongerShowsTheSleeper()
    {
        await using var s = await BrowserSession.StartAsync(["--demo", "--speed", "60"]);
        await s.GoAsync("/tonight");
        await Assertions.Expect(s.Page.Locator("[data-testid=connection]")).ToContainTextAsync("Recording", new() { Timeout = 60_000 });
        await s.TapAsync("start-night");
        await s.TapAsync("checkin-skip");
        await Assertions.Expect(s.Page.Locator("[data-testid=sleep-state]")).ToBeVisibleAsync();
        await Assertions.Expect(s.Page.Locator("[data-testid=battery]")).ToContainTextAsync("battery");
        await Assertions.Expect(s.Page.Locator("[data-testid=demo-speed]")).ToContainTextAsync("60×"); // its times run ahead: said so

        // Act
        await s.TapAsync("stop-night");

        // Assert: what the night was, the way to the morning; not "Asleep" any more.
        var ended = s.Page.Locator("[data-testid=night-ended]");
        await Assertions.Expect(ended).ToContainTextAsync("in bed");
        await Assertions.Expect(s.Page.Locator("[data-testid=sleep-state]")).ToHaveCountAsync(0);
        await Assertions.Expect(s.Page.Locator("[data-testid=start-night]")).ToBeVisibleAsync();
        await s.ScreenshotAsync("tonight-ended");
        await s.TapAsync("to-morning");
        await Assertions.Expect(s.Page.Locator("[data-testid=morning]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task OneBrowser_TwoNightLegs_BothStaySignedIn_NeitherLogsAFailedAntiforgeryCookie()
    {
        // Arrange: a second NightLeg on its own database, on the same host (cookies are per host, not per port).
        await using var s = await BrowserSession.StartAsync([]);
        var other = Directory.CreateTempSubdirectory("nightleg-second-").FullName;
        var second = NightLegProcess.Start(["serve", "--urls", "http://127.0.0.1:0", "--db", Path.Combine(other, "nightleg.db")]);

        try
        {
            // Act: the same browser uses both, back and forth (each page load checks its cookies).
            await s.Page.GotoAsync(await second.WaitForLinkAsync());
            await s.Page.WaitForSelectorAsync("[data-interactive=true]");
            await s.GoAsync("/settings");
            await s.Page.GotoAsync(await second.WaitForUrlAsync() + "/settings");
            await s.Page.WaitForSelectorAsync("[data-interactive=true]");

            // Assert
            Assert.DoesNotContain("ntiforgery", s.Server.Stdout + s.Server.Stderr);
            Assert.DoesNotContain("ntiforgery", second.Stdout + second.Stderr);
        }
        finally
        {
            await second.DisposeAsync();
            Directory.Delete(other, recursive: true);
        }
    }

    [Fact]
    public async Task Miles_ChosenInSettings_TheCheckInAsksInMiles_AndStoresKilometres()
    {
        await using var s = await BrowserSession.StartAsync(["--demo", "--speed", "1"]);
        await s.GoAsync("/settings");
        await s.TapAsync("distance-miles");
        await Assertions.Expect(s.Page.Locator("[data-testid=distance-miles]")).ToHaveAttributeAsync("aria-checked", "true");

        // Act
        await s.GoAsync("/tonight");
        await s.TapAsync("start-night");
        await s.TapAsync("run-hard");

        // Assert: the chips read in miles; the one tapped is stored as the kilometres it stands for.
        await Assertions.Expect(s.Page.Locator("[data-testid=distance-unit]")).ToHaveTextAsync("mi");
        await Assertions.Expect(s.Page.Locator("[data-testid=km-18]")).ToHaveTextAsync("≈11");
        await Assertions.Expect(s.Page.Locator("[data-testid=km-25]")).ToHaveTextAsync("15+");
        await s.TapAsync("km-18");
        await s.TapAsync("checkin-save");
        await Assertions.Expect(s.Page.Locator("[data-testid=checkin]")).ToHaveCountAsync(0);
        var export = await s.Page.APIRequest.GetAsync(s.Url.TrimEnd('/') + "/export/nightleg.json");
        Assert.Contains("\"runKm\":18", await export.TextAsync());
    }
}
