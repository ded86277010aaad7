using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NightLeg.Mobile.Web.Tls;
using NightLeg.Tests.Support;

namespace NightLeg.Tests.Mobile.Browser;

/// <summary>
/// The phone over HTTPS in real Chromium (390×844, touch): a secure context with the service worker
/// registered, the setup panel, bedside mode holding the wake lock with the prompt over it, and the
/// offline shell when the host is gone. (Issue 12.)
/// </summary>
[Collection(RealTimeCollection.Name)]
public sealed class PhoneBrowserTests
{
    [Fact]
    public async Task SecurePhone_Setup_Bedside_WakeLock_PromptOverIt_OfflineShell()
    {
        // Arrange: NightLeg on the LAN (HTTPS), the browser trusting its certificate as a phone that trusted the CA.
        await using var s = await BrowserSession.StartAsync(["--lan", "--demo", "--speed", "60"]);
        var code = Regex.Match(s.Server.Stdout, @"Access code: (\d{6})").Groups[1].Value;
        await s.Page.GotoAsync("/tonight");
        await s.Page.Locator("input[name=code]").FillAsync(code);
        await s.Page.Locator("button[type=submit]").TapAsync();
        await s.Page.WaitForSelectorAsync("[data-interactive=true]", new() { Timeout = 30_000 });

        // Assert 1: a secure context; the service worker registered; the app installable (manifest icons served).
        Assert.True(await s.Page.EvaluateAsync<bool>("() => window.isSecureContext"));
        await s.Page.WaitForFunctionAsync("() => window.__nightlegServiceWorker === 'registered'", null, new() { Timeout = 15_000 });
        await s.Page.WaitForFunctionAsync("() => navigator.serviceWorker.ready.then(() => true)");
        using var http = new HttpClient(s.Handler()) { BaseAddress = new Uri(s.Url) };
        foreach (var icon in new[] { "icons/icon-192.png", "icons/icon-512.png", "icons/icon-maskable-512.png", "icons/apple-touch-icon.png" })
        {
            var status = await s.Page.EvaluateAsync<int>($"() => fetch('/{icon}').then(r => r.status)");
            Assert.True(status == 200, icon);
        }

        // Settings › Phone: "secure connection: yes", the QR code, the CA's fingerprint as the file has it.
        await s.GoAsync("/settings");
        await Assertions.Expect(s.Page.Locator("[data-testid=secure-yes]")).ToBeVisibleAsync();
        await Assertions.Expect(s.Page.Locator("[data-testid=secure-no]")).ToBeHiddenAsync();
        await Assertions.Expect(s.Page.Locator("[data-testid=phone-qr] svg")).ToBeVisibleAsync();
        using var ca = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(s.DatabaseFolder, LocalCertificateAuthority.CertificateFileName));
        var fingerprint = string.Join(':', Convert.ToHexString(ca.GetCertHash(System.Security.Cryptography.HashAlgorithmName.SHA256)).Chunk(2).Select(c => new string(c)));
        await Assertions.Expect(s.Page.Locator("[data-testid=ca-fingerprint]")).ToHaveTextAsync(fingerprint);
        await s.Page.Locator("[data-testid=phone]").EvaluateAsync("e => e.scrollIntoView({ block: 'start' })");
        await s.ScreenshotAsync("12-phone-setup");

        // Act 2: bedside mode.
        await s.GoAsync("/tonight");
        await Assertions.Expect(s.Page.Locator("[data-testid=connection]")).ToContainTextAsync("Recording", new() { Timeout = 60_000 });
        await s.TapAsync("bedside-open");
        await Assertions.Expect(s.Page.Locator("[data-testid=bedside]")).ToBeVisibleAsync();
        await s.Page.WaitForFunctionAsync("() => window.__nightlegWakeLock === 'held'", null, new() { Timeout = 10_000 });
        await Assertions.Expect(s.Page.Locator("[data-testid=bedside-clock]")).ToHaveTextAsync(new Regex(@"^\d{2}:\d{2}$"));

        // The system takes the lock away (as when the screen is hidden); shown again, it is taken back.
        await s.Page.EvaluateAsync("() => window.nightleg.wakeLock.release()");
        await s.Page.WaitForFunctionAsync("() => window.__nightlegWakeLock === 'released'");
        await s.Page.EvaluateAsync("() => document.dispatchEvent(new Event('visibilitychange'))");
        await s.Page.WaitForFunctionAsync("() => window.__nightlegWakeLock === 'held'", null, new() { Timeout = 10_000 });
        await s.ScreenshotAsync("13-bedside");

        // The demo's cramp: the prompt comes over bedside mode, silently.
        await Assertions.Expect(s.Page.Locator("[data-testid=answer-cramp]")).ToBeVisibleAsync(new() { Timeout = 90_000 });
        Assert.True(await s.Page.EvaluateAsync<bool>(
            "() => { const p = document.querySelector('[data-testid=answer-cramp]').getBoundingClientRect(); return document.elementFromPoint(p.x + p.width / 2, p.y + p.height / 2).closest('[data-testid=answer-cramp]') !== null; }"));
        Assert.Empty(await s.AlertsAsync());
        await s.ScreenshotAsync("14-bedside-prompt");

        // Act 3: the host goes away; the installed app still opens and says it is reconnecting.
        s.Server.Kill();
        await s.Page.GotoAsync("/tonight");
        await Assertions.Expect(s.Page.Locator("[data-testid=offline] h1")).ToHaveTextAsync("Reconnecting to NightLeg…", new() { Timeout = 15_000 });
        await s.ScreenshotAsync("15-offline");
    }
}
