using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NightLeg.Tests.Support;

namespace NightLeg.Tests.Mobile.Browser;

/// <summary>What a person does with NightLeg, in real Chromium on a phone-sized touch screen.</summary>
[Collection(RealTimeCollection.Name)]
public sealed class DemoNightBrowserTests
{
    private static readonly LocatorAssertionsToHaveTextOptions Long = new() { Timeout = 60_000 };

    [Fact]
    public async Task DemoNight_PromptGuidanceQuickLogMorningConfirmHistory()
    {
        // Arrange: the demo night at 60× (its cramp comes ≈37 minutes in: ≈37 s).
        await using var s = await BrowserSession.StartAsync(["--demo", "--speed", "60"]);
        await s.GoAsync("/tonight");
        await Assertions.Expect(s.Page.Locator("[data-testid=connection]")).ToContainTextAsync("Recording", new() { Timeout = 60_000 });
        await Assertions.Expect(s.Page.Locator("[data-testid=sleep-state]")).ToHaveTextAsync("Asleep", Long);
        await s.ScreenshotAsync("1-tonight");

        // Act + Assert: the prompt appears by itself, silently (sound is off by default).
        await Assertions.Expect(s.Page.Locator("[data-testid=answer-cramp]")).ToBeVisibleAsync(new() { Timeout = 90_000 });
        await Assertions.Expect(s.Page.Locator("[data-testid=cramp-prompt]")).ToHaveAttributeAsync("data-alert", "silent");
        Assert.Empty(await s.AlertsAsync());
        await s.ScreenshotAsync("2-prompt");
        await s.TapAsync("answer-cramp");

        // First guidance step with its timer.
        await Assertions.Expect(s.Page.Locator("[data-testid=guidance-title]")).ToHaveTextAsync("Stretch the calf");
        await s.TapAsync("start-timer");
        await Assertions.Expect(s.Page.Locator("[data-testid=timer]")).ToHaveTextAsync(new Regex("^(29|28|27|26)$"), new() { Timeout = 5_000 });
        await s.ScreenshotAsync("3-guidance");
        await s.TapAsync("next-step");
        await Assertions.Expect(s.Page.Locator("[data-testid=guidance-title]")).ToHaveTextAsync("Lift your toes");

        // Quick log: leg and intensity.
        await s.TapAsync("to-log");
        await s.TapAsync("leg-left");
        await s.TapAsync("intensity-7");
        await s.ScreenshotAsync("4-quick-log");
        await s.TapAsync("save-log");
        await Assertions.Expect(s.Page.Locator("[data-testid=prompt-done]")).ToBeVisibleAsync();
        await s.TapAsync("close-prompt");

        // Morning review shows it; confirm with details.
        await s.GoAsync("/morning");
        var card = s.Page.Locator("[data-testid=event]").First;
        await Assertions.Expect(card).ToContainTextAsync("You said in the night: cramp");
        await Assertions.Expect(card.Locator("[data-testid=event-details]")).ToHaveTextAsync("Left · pain 7/10");
        await s.ScreenshotAsync("5-morning");
        await s.TapAsync("confirm");
        await s.TapAsync("form-location-calf");
        await s.TapAsync("form-duration-90");
        await s.TapAsync("form-slept-20");
        await s.ScreenshotAsync("6-details");
        await s.TapAsync("form-save");
        await Assertions.Expect(s.Page.Locator("[data-testid=event-status]").First).ToHaveTextAsync("Cramp");
        await Assertions.Expect(card.Locator("[data-testid=event-details]")).ToHaveTextAsync("Left · Calf · pain 7/10 · lasted 1–2 min · asleep again after 10–30 min");

        // Then the night itself: how much it was disturbed, and whether the leg still hurts.
        await s.TapAsync("disturbance-6");
        await s.TapAsync("lingering-yes");
        await s.TapAsync("lingering-3");
        await Assertions.Expect(s.Page.Locator("[data-testid=lingering-3]")).ToHaveAttributeAsync("aria-pressed", "true");
        await s.Page.Locator("[data-testid=night-diary]").ScrollIntoViewIfNeededAsync();
        await s.ScreenshotAsync("6b-morning-night");

        // History lists the night with one cramp, and its page draws the night.
        await s.GoAsync("/history");
        await Assertions.Expect(s.Page.Locator("[data-testid=night-cramps]").First).ToHaveTextAsync("1 cramp");
        await s.ScreenshotAsync("7-history");
        await s.Page.Locator("[data-testid=night-row]").First.TapAsync();
        await s.Page.WaitForSelectorAsync("[data-testid=night-chart]");
        await Assertions.Expect(s.Page.Locator("line.event.confirmed")).ToHaveCountAsync(1);
        await s.ScreenshotAsync("8-night");

        // Devices and settings, for the record.
        await s.GoAsync("/devices");
        await Assertions.Expect(s.Page.Locator("[data-testid=device]")).ToHaveCountAsync(1);
        await Assertions.Expect(s.Page.Locator("[data-testid=hr-only-honesty]")).ToContainTextAsync("9 in 10 cramps");
        await s.ScreenshotAsync("9-devices");
        await s.GoAsync("/settings");
        await s.ScreenshotAsync("10-settings");
    }

    [Fact]
    public async Task DemoNight_AnsweredLater_DismissedInTheMorningWithAReason_InNorwegian()
    {
        await using var s = await BrowserSession.StartAsync(["--demo", "--speed", "60"], locale: "nb-NO");

        // This user switched sound on: the demo's cramp keeps the sleeper working the leg with the heart up, so once
        // that is plain (a minute and a half on) its prompt sounds; it appears silently.
        await s.GoAsync("/settings");
        await s.TapAsync("sound-on");
        await Assertions.Expect(s.Page.Locator("[data-testid=sound-on]")).ToHaveAttributeAsync("aria-checked", "true");
        await s.ScreenshotAsync("nb-settings-sound");

        await s.GoAsync("/tonight");
        await Assertions.Expect(s.Page.Locator("[data-testid=answer-later]")).ToBeVisibleAsync(new() { Timeout = 120_000 });
        await Assertions.Expect(s.Page.Locator("[data-testid=answer-cramp]")).ToHaveTextAsync("Krampe");
        await Assertions.Expect(s.Page.Locator("[data-testid=cramp-prompt]")).ToHaveAttributeAsync("data-alert", "sound", new() { Timeout = 30_000 });
        Assert.Contains("vibrate", await s.AlertsAsync());
        await s.ScreenshotAsync("nb-prompt");
        await s.TapAsync("answer-later");

        await s.GoAsync("/morning");
        await s.TapAsync("dismiss");
        await s.ScreenshotAsync("nb-morning-dismiss");
        await s.TapAsync("reason-bathroom");

        await Assertions.Expect(s.Page.Locator("[data-testid=event-status]").First).ToHaveTextAsync("Ikke krampe · Toalettet");

        // The answer teaches NightLeg what this awakening looked like once its course is known (five night-minutes
        // after the onset: a few seconds at 60×), said in Settings, where it can be forgotten.
        const string learned = "Oppvåkninger du sa ikke var krampe: 1 · kramper du bekreftet: 0";
        for (var i = 0; i < 40; i++)
        {
            await s.GoAsync("/settings");
            if (await s.Page.Locator("[data-testid=learned]").TextContentAsync() == learned)
            {
                break;
            }

            await s.Page.WaitForTimeoutAsync(500); // the demo night plays on in real time
        }

        await Assertions.Expect(s.Page.Locator("[data-testid=learned]")).ToHaveTextAsync(learned);
        await s.Page.Locator("[data-testid=forget-learning]").ScrollIntoViewIfNeededAsync();
        await s.ScreenshotAsync("nb-settings-learned");
        await s.TapAsync("forget-learning");
        await Assertions.Expect(s.Page.Locator("[data-testid=forgotten]")).ToBeVisibleAsync();
        await Assertions.Expect(s.Page.Locator("[data-testid=learned]")).ToHaveTextAsync("Oppvåkninger du sa ikke var krampe: 0 · kramper du bekreftet: 0");
    }

    [Fact]
    public async Task Lan_WithoutTheCode401_WrongCode401_RightCodeLetsTheBrowserIn()
    {
        await using var s = await BrowserSession.StartAsync(["--lan"]);
        var code = Regex.Match(s.Server.Stdout, @"Access code: (\d{6})").Groups[1].Value;
        Assert.Matches(@"^\d{6}$", code);

        // Without the cookie: every page and API answers 401.
        using var http = new HttpClient(s.Handler()) { BaseAddress = new Uri(s.Url) };
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/tonight")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/export/nightleg.json")).StatusCode);
        var wrong = await http.PostAsync("/access", new FormUrlEncodedContent([new("code", code == "000000" ? "111111" : "000000")]));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);

        // The browser enters the right code once and is in.
        var response = await s.Page.GotoAsync("/tonight");
        Assert.Equal(401, response!.Status);
        await s.ScreenshotAsync("lan-access");
        await s.Page.Locator("input[name=code]").FillAsync(code);
        await s.Page.Locator("button[type=submit]").TapAsync();
        await s.Page.WaitForSelectorAsync("[data-interactive=true]", new() { Timeout = 30_000 });
        // Let in for 180 days, not for ever.
        Assert.Contains(await s.Context.CookiesAsync(), c => c.Name.StartsWith("nightleg-access-", StringComparison.Ordinal) &&
            c.Expires > DateTimeOffset.UtcNow.AddDays(179).ToUnixTimeSeconds() && c.Expires < DateTimeOffset.UtcNow.AddDays(181).ToUnixTimeSeconds());

        // The code was one-time: using it again fails.
        var reused = await http.PostAsync("/access", new FormUrlEncodedContent([new("code", code)]));
        Assert.Equal(HttpStatusCode.Unauthorized, reused.StatusCode);

        // Settings lists the browser let in; signing it out sends it back to the code.
        await s.Page.GotoAsync("/settings");
        await s.Page.WaitForSelectorAsync("[data-interactive=true]", new() { Timeout = 30_000 });
        var browser = s.Page.Locator("[data-testid=browser]");
        await Assertions.Expect(browser).ToHaveCountAsync(1);
        await Assertions.Expect(browser).ToContainTextAsync("Chrome");
        await Assertions.Expect(browser.Locator("[data-testid=this-browser]")).ToBeVisibleAsync();
        await browser.ScrollIntoViewIfNeededAsync();
        await s.ScreenshotAsync("settings-browsers");
        await s.TapAsync("sign-out");

        // Signing out this browser leaves the page at once: nothing more is shown without the code.
        await Assertions.Expect(s.Page.Locator("input[name=code]")).ToBeVisibleAsync();
        await Assertions.Expect(s.Page.Locator("[data-testid=settings]")).ToHaveCountAsync(0);
        var after = await s.Page.GotoAsync("/tonight");
        Assert.Equal(401, after!.Status);
    }
}
