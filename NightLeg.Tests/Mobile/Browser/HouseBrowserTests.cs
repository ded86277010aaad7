using Microsoft.Playwright;
using NightLeg.Tests.Support;

namespace NightLeg.Tests.Mobile.Browser;

/// <summary>Settings › Home Assistant and phone, in real Chromium against a real mosquitto. (Issue 14.)</summary>
[Collection(RealTimeCollection.Name)]
public sealed class HouseBrowserTests
{
    [Fact]
    public async Task Settings_WrongPasswordSaidPlainly_RightOneConnects_SecretsNeverShownBack()
    {
        // Arrange
        using var broker = Mosquitto.Start("nightleg", "Corr3ct-horse");
        await using var s = await BrowserSession.StartAsync(["--demo"]);
        await s.GoAsync("/settings");
        await Assertions.Expect(s.Page.Locator("[data-testid=ha-status]")).ToHaveTextAsync("Home Assistant: off");
        await s.TapAsync("integrations-open");

        // Act 1: a wrong password.
        await s.Page.Locator("[data-testid=mqtt-url]").FillAsync($"mqtt://nightleg@127.0.0.1:{broker.Port}");
        await s.Page.Locator("[data-testid=mqtt-password]").FillAsync("wrong-horse");
        await s.Page.Locator("[data-testid=ntfy-url]").FillAsync("not a url");
        await s.TapAsync("integrations-save");
        await Assertions.Expect(s.Page.Locator("[role=alert]")).ToHaveTextAsync("Not valid. For example: https://ntfy.sh/your-secret-topic");
        await s.Page.Locator("[data-testid=ntfy-url]").FillAsync("");
        await s.TapAsync("integrations-save");

        // Assert 1: said plainly, and the night goes on.
        await Assertions.Expect(s.Page.Locator("[data-testid=ha-status]")).ToContainTextAsync("refused the user name or password", new() { Timeout = 15_000 });
        await Top(s);
        await s.ScreenshotAsync("11-house-refused");

        // Act 2: the right password.
        await s.Page.Locator("[data-testid=mqtt-password]").FillAsync("Corr3ct-horse");
        await s.TapAsync("integrations-save");

        // Assert 2: connected; the password is stored but never shown back.
        await Assertions.Expect(s.Page.Locator("[data-testid=ha-status]")).ToContainTextAsync($"connected to mqtt://nightleg@127.0.0.1:{broker.Port}", new() { Timeout = 15_000 });
        await Assertions.Expect(s.Page.Locator("[data-testid=mqtt-password]")).ToHaveValueAsync("");
        await Assertions.Expect(s.Page.Locator("[data-testid=mqtt-password]")).ToHaveAttributeAsync("placeholder", "stored — leave blank to keep");
        Assert.DoesNotContain("Corr3ct-horse", await s.Page.ContentAsync(), StringComparison.Ordinal);
        await Top(s);
        await s.ScreenshotAsync("11-house");
        Assert.DoesNotContain("Corr3ct-horse", s.Server.Stdout + s.Server.Stderr, StringComparison.Ordinal);
    }

    private static Task Top(BrowserSession s) =>
        s.Page.Locator("[data-testid=integrations]").EvaluateAsync("card => card.scrollIntoView({ block: 'start' })");
}
