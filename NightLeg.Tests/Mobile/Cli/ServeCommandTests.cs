using System.Net;
using System.Text.Json;
using NightLeg.Tests.Support;

namespace NightLeg.Tests.Mobile.Cli;

public sealed class ServeCommandTests
{
    [Fact]
    public async Task Serve_WithUrls_PrintsUrlAndAnswersHealthAndPage()
    {
        // Arrange
        await using var nightleg = NightLegProcess.Start(["serve", "--urls", "http://127.0.0.1:0"]);
        var url = await nightleg.WaitForUrlAsync();
        using var http = new HttpClient { BaseAddress = new Uri(url) };

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
        // Arrange
        await using var nightleg = NightLegProcess.Start(["--urls", "http://127.0.0.1:0"]);

        // Act
        var url = await nightleg.WaitForUrlAsync();
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        using var health = await http.GetAsync("/health");

        // Assert
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public void DefaultUrls_IsLoopbackOnPort5180()
    {
        Assert.Equal("http://127.0.0.1:5180", NightLeg.Mobile.Cli.ServeCommand.DefaultUrls);
    }

    [Fact]
    public async Task Help_ListsServe()
    {
        // Act
        var (exitCode, stdout, _) = await NightLegProcess.RunAsync(["--help"]);

        // Assert
        Assert.Equal(0, exitCode);
        Assert.Matches(@"(?m)^\s+serve\s", stdout);
    }
}
