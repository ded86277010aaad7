using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NightLeg.Domain.Nights;
using NightLeg.Evaluation;
using NightLeg.Sync.Storage;
using NightLeg.Tests.Support;

namespace NightLeg.Tests.Mobile.Browser;

/// <summary>
/// The phone's own Bluetooth as the radio, in real Chromium (390×844) over HTTPS: a wearable behind
/// a fake <c>navigator.bluetooth</c> plays a real capture through the Web Bluetooth interfaces; the
/// page only relays, the server decodes, records, detects and prompts. A link loss on the phone side
/// is a recorded gap; the host stopped for 30 s loses nothing and stores nothing twice. (Issue 12.)
/// </summary>
[Collection(RealTimeCollection.Name)]
public sealed class PhoneRadioBrowserTests : IDisposable
{
    private const double Speed = 200;
    private static readonly TimeSpan LossAt = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan LossFor = TimeSpan.FromMinutes(5);
    private readonly string _dir = Directory.CreateTempSubdirectory("nightleg-relay-").FullName;

    [Fact]
    public async Task PhoneRelay_EverySecondStoredOnce_PromptOnThePhone_GapOnLinkLoss_HostStopped30sLosesNothing()
    {
        // Arrange: two hours of a heart-rate strap with two cramps (seed 1), as the strap sends it.
        var capture = Path.Combine(_dir, "strap.capture");
        var (code, _, stderr) = await NightLegProcess.RunAsync(["simulate", "--seed", "1", "--cramps", "2", "--device", "hr-strap", "--hours", "2", "--out", capture]);
        Assert.True(code == 0, stderr);
        await using var s = await BrowserSession.StartAsync(["--lan"]);
        await s.Context.AddInitScriptAsync(FakeWebBluetooth.Script(capture, "Simulated HR strap", Speed, LossAt, LossFor));
        var access = Regex.Match(s.Server.Stdout, @"Access code: (\d{6})").Groups[1].Value;
        await s.Page.GotoAsync("/devices");
        await s.Page.Locator("input[name=code]").FillAsync(access);
        await s.Page.Locator("button[type=submit]").TapAsync();
        await s.Page.WaitForSelectorAsync("[data-interactive=true]", new() { Timeout = 30_000 });
        await s.GoAsync("/devices");

        // Act 1: the user lets the phone be the radio.
        await Assertions.Expect(s.Page.Locator("[data-testid=use-phone]")).ToBeVisibleAsync();
        await s.TapAsync("use-phone");
        await Assertions.Expect(s.Page.Locator("[data-testid=relay-status]")).ToHaveAttributeAsync("data-relay-status", "relaying", new() { Timeout = 20_000 });
        var filters = await s.Page.EvaluateAsync<string>("() => JSON.stringify(window.__fakeBle.requested.filters)");
        Assert.Contains("0000180d-0000-1000-8000-00805f9b34fb", filters);
        Assert.Contains("fb005c80-02e7-f387-1cad-8acd2d8df0c8", filters);
        await s.Page.WaitForFunctionAsync("() => window.__fakeBle.delivered > 0", null, new() { Timeout = 30_000 });
        await s.ScreenshotAsync("16-phone-radio");

        // Act 2: the wearable goes out of the phone's reach 30 minutes in, for 5 minutes; then the host stops for 30 s.
        // (The host stops once the strap streams again after the loss: the server is what re-subscribes.)
        await s.Page.WaitForFunctionAsync(
            "() => window.__fakeBle.linkDowns === 1 && window.__fakeBle.deliveredTimes.length > 0 && window.__fakeBle.deliveredTimes[window.__fakeBle.deliveredTimes.length - 1] > window.__fakeConfig.lossUntil + 60000",
            null, new() { Timeout = 60_000 });
        Signal("STOP", s.Server.Id);
        // Real time: the server process is frozen for 30 s of the phone's wall clock — what is tested is what the phone does meanwhile.
        await Task.Delay(TimeSpan.FromSeconds(30));
        Signal("CONT", s.Server.Id);

        // Assert 1: the prompt appears on the phone, silently.
        try
        {
            await Assertions.Expect(s.Page.Locator("[data-testid=answer-cramp]")).ToBeVisibleAsync(new() { Timeout = 90_000 });
        }
        catch (PlaywrightException e)
        {
            var relay = await s.Page.EvaluateAsync<string>("() => JSON.stringify([window.__nightlegRelay, { delivered: window.__fakeBle.delivered, lost: window.__fakeBle.lost, done: window.__fakeBle.done, connects: window.__fakeBle.connects }])");
            throw new Xunit.Sdk.XunitException($"no prompt: {e.Message.Split('\n')[0]}\nrelay {relay}\n{s.Server.Stdout}");
        }
        Assert.Empty(await s.AlertsAsync());
        await s.ScreenshotAsync("17-phone-radio-prompt");

        // Everything the strap sent was taken by the server.
        await s.Page.WaitForFunctionAsync("() => window.__fakeBle.done && window.__nightlegRelay.queued === 0 && window.__nightlegRelay.acked === window.__nightlegRelay.seq",
            null, new() { Timeout = 90_000 });
        var delivered = await s.Page.EvaluateAsync<long[]>("() => window.__fakeBle.deliveredTimes");
        var lost = await s.Page.EvaluateAsync<int>("() => window.__fakeBle.lost");
        // Stop NightLeg at once, with the phone's page still open: the seconds still open in the recorder must be
        // written by the graceful stop itself (not by the silent-link watchdog, which would end the link in 20 s).
        Signal("TERM", s.Server.Id);
        var stopping = System.Diagnostics.Stopwatch.StartNew();
        await s.Server.WaitForExitAsync(TimeSpan.FromSeconds(60));
        // With the page still open it stops in moments, not after the host's 30-s timeout (dotnet/aspnetcore#58947).
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(15), $"serve took {stopping.Elapsed.TotalSeconds:0.0} s to stop with a page open");

        // Assert 2: every second the strap delivered is stored, once; the link loss is a gap.
        using var database = NightLegDatabase.Open(new DatabaseOptions(Path.Combine(s.DatabaseFolder, "nightleg.db")), TimeProvider.System);
        var night = Assert.Single(new LiteDbNightRepository(database).List(new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 12)));
        var seconds = new LiteDbEpochRepository(database).Read(DateTimeOffset.FromUnixTimeMilliseconds(delivered[0]).AddMinutes(-1), DateTimeOffset.FromUnixTimeMilliseconds(delivered[^1]).AddMinutes(1));
        var withHeartRate = seconds.Select(e => e.Start).ToList(); // contact-lost seconds are stored too, without a heart rate
        Assert.Equal(withHeartRate.Count, withHeartRate.Distinct().Count());
        // What the strap said with skin contact and a heart rate (seconds without contact are a gap, not data).
        using var reader = NightLeg.Sync.Capture.CaptureReader.Open(capture);
        var usable = reader.ReadAll().Where(n => n.Characteristic == NightLeg.Sync.Gatt.GattUuids.HeartRateMeasurement && (n.Payload.Span[0] & 0x06) != 0x04 && n.Payload.Span[1] > 0)
            .Select(n => n.ReceivedAt.ToUnixTimeMilliseconds()).ToHashSet();
        var sent = delivered.Where(usable.Contains).Select(t => DateTimeOffset.FromUnixTimeMilliseconds(t)).Select(t => new DateTimeOffset(t.Ticks - t.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero)).Distinct().ToList();
        var missing = sent.Except(withHeartRate).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} of {sent.Count} seconds sent are not stored: {string.Join(", ", missing.Select(m => m.ToString("HH:mm:ss")))}; last stored {string.Join(", ", seconds.TakeLast(3).Select(e => e.Start.ToString("HH:mm:ss") + "=" + e.HeartRateBpm))}\n{string.Join("\n", s.Server.Stdout.Split('\n').Where(l => l.Contains("relay", StringComparison.OrdinalIgnoreCase) || l.Contains("Connected", StringComparison.Ordinal) || l.Contains("lost", StringComparison.OrdinalIgnoreCase) || l.Contains("heart rate", StringComparison.Ordinal)))}");
        // Out of reach five minutes, then the phone's reconnection (with backoff, at 200×): all of it one recorded gap.
        Assert.True(lost >= 300, $"{lost} notifications lost");
        var gap = Assert.Single(night.Gaps, g => g.Reason == GapReason.LinkLost && g.Duration >= TimeSpan.FromMinutes(4));
        Assert.True(gap.Start >= DateTimeOffset.FromUnixTimeMilliseconds(delivered[0]).Add(LossAt).AddSeconds(-10), $"gap {gap.Start:O}–{gap.End:O}");
        Assert.InRange(gap.Duration.TotalSeconds, lost - 30, lost + 30);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static void Signal(string signal, int pid)
    {
        Assert.Equal(0, Tool.Run("kill", [$"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]).Code);
    }
}
