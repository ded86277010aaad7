using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using NightLeg.Tests.Support;

namespace NightLeg.Tests.Mobile.Browser;

/// <summary>
/// The disk fills while the demo night records (a real tmpfs): /health says "degraded" with the
/// reason, Tonight says it plainly, and both clear by themselves when space returns. (Issue 15, finding 6.)
/// </summary>
[Collection(RealTimeCollection.Name)]
public sealed class StorageFailureBrowserTests
{
    [Fact]
    public async Task DiskFull_HealthDegradedAndTonightSaysSo_ThenRecovers()
    {
        // Arrange: the demo night at 60× on a disk of its own.
        using var disk = ScratchDisk.Mount(64 << 20);
        await using var s = await BrowserSession.StartAsync(["--demo", "--speed", "60"], databaseFolder: disk.Path);
        using var http = new HttpClient { BaseAddress = new Uri(s.Url) };
        await s.GoAsync("/tonight");
        await Assertions.Expect(s.Page.Locator("[data-testid=connection]")).ToContainTextAsync("Recording", new() { Timeout = 60_000 });

        // Act: the disk fills.
        var filler = disk.Fill();

        // Assert: said where people look.
        await Assertions.Expect(s.Page.Locator("[data-testid=storage-failing]")).ToContainTextAsync("The disk is full", new() { Timeout = 60_000 });
        using (var health = JsonDocument.Parse(await http.GetStringAsync("/health")))
        {
            Assert.Equal("degraded", health.RootElement.GetProperty("status").GetString());
            Assert.Contains("The disk is full", health.RootElement.GetProperty("problem").GetString());
            Assert.True(health.RootElement.GetProperty("secondsWaiting").GetInt32() > 0);
        }

        await s.ScreenshotAsync("tonight-disk-full");

        // Act: space returns.
        File.Delete(filler);

        // Assert: cleared by itself, and recording goes on.
        await Assertions.Expect(s.Page.Locator("[data-testid=storage-failing]")).ToHaveCountAsync(0, new() { Timeout = 60_000 });
        using var after = JsonDocument.Parse(await http.GetStringAsync("/health"));
        Assert.Equal("ok", after.RootElement.GetProperty("status").GetString());
        Assert.Equal(0, after.RootElement.GetProperty("secondsWaiting").GetInt32());
        Assert.False(s.Server.HasExited);
    }
}
