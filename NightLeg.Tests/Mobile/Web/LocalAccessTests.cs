using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using NightLeg.Tests.Support;

namespace NightLeg.Tests.Mobile.Web;

/// <summary>
/// Without --lan, NightLeg on 127.0.0.1 needs a credential too (issue 21, R5): serve prints a link with a
/// one-time token; the browser that opens it keeps a cookie; everything but /health answers 401 to
/// anyone else — including another user of this machine.
/// </summary>
[Collection(RealTimeCollection.Name)]
public sealed partial class LocalAccessTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("nightleg-local-").FullName;

    private string Db => Path.Combine(_dir, "nightleg.db");

    [Fact]
    public async Task WithoutTheLink_OnlyHealthAnswers()
    {
        await using var nightleg = NightLegProcess.Start(["serve", "--demo", "--urls", "http://127.0.0.1:0", "--db", Db]);
        using var stranger = new HttpClient { BaseAddress = new Uri(await nightleg.WaitForUrlAsync()) };
        await nightleg.WaitForLinkAsync();

        var health = await stranger.GetAsync("/health");
        var page = await stranger.GetAsync("/tonight");
        var export = await stranger.GetAsync("/export/nightleg.json");
        var pair = await stranger.PostAsync("/relay/pair", new StringContent("""{"family":"polar-h10","name":"x"}""", Encoding.UTF8, "application/json"));
        var guessed = await stranger.GetAsync("/?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
        Assert.Contains("nightleg link", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, export.StatusCode);
        Assert.DoesNotContain("nightleg-export", await export.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, pair.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, guessed.StatusCode);
    }

    [Fact]
    public async Task TheLink_LetsOneBrowserIn_WithACookie_AndIsThenSpent()
    {
        // Arrange
        await using var nightleg = NightLegProcess.Start(["serve", "--urls", "http://127.0.0.1:0", "--db", Db]);
        var url = new Uri(await nightleg.WaitForUrlAsync());
        var link = await nightleg.WaitForLinkAsync();
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var browser = new HttpClient(handler) { BaseAddress = url };
        using var other = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = url };

        // Act
        using var opened = await browser.GetAsync(link);
        using var export = await browser.GetAsync("/export/nightleg.json");
        using var reused = await other.GetAsync(link);

        // Assert: a redirect to the app without the token, an HttpOnly same-site cookie, then health data.
        Assert.StartsWith("http://127.0.0.1:", link);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal("/", opened.Headers.Location?.OriginalString);
        var cookie = Assert.Single(opened.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Contains("nightleg-export", await export.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, reused.StatusCode);
        Assert.Contains("used already", await reused.Content.ReadAsStringAsync());

        // The next browser's link is printed, and works once.
        await WaitForAsync(() => nightleg.Stdout.Contains("For another browser: ", StringComparison.Ordinal));
        var next = NextLink().Match(nightleg.Stdout).Groups["url"].Value;
        Assert.NotEqual(link, next);
        using var nextOpened = await other.GetAsync(next);
        Assert.Equal(HttpStatusCode.Redirect, nextOpened.StatusCode);
    }

    [Fact]
    public async Task LinkCommand_AsksTheRunningNightLeg_ForAFreshLink()
    {
        await using var nightleg = NightLegProcess.Start(["serve", "--urls", "http://127.0.0.1:0", "--db", Db]);
        var printed = await nightleg.WaitForLinkAsync();
        using (var first = await nightleg.LetInClientAsync())
        {
            // The printed link is spent now.
        }

        var (code, stdout, stderr) = await NightLegProcess.RunAsync(["link", "--db", Db]);

        Assert.True(code == 0, stderr);
        var fresh = stdout.Trim();
        Assert.NotEqual(printed, fresh);
        using var http = new HttpClient();
        using var opened = await http.GetAsync(fresh);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode); // followed to the app, with the cookie
        Assert.Equal("/tonight", opened.RequestMessage?.RequestUri?.AbsolutePath); // "/" goes on to Tonight
    }

    [Fact]
    public async Task LinkCommand_WithNothingRunning_SaysSoInOneLine()
    {
        var (code, stdout, stderr) = await NightLegProcess.RunAsync(["link", "--db", Db]);

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal($"nightleg: no NightLeg is running on {Db} (start it with: nightleg serve --db {Db})", stderr.Trim());
    }

    [Fact]
    public async Task AnotherUserOfThisMachine_Gets401_AndCannotReachTheControlSocket()
    {
        // As root (CI) the requests really come from the user nobody; otherwise from a client of this user without the cookie.
        var asNobody = Environment.UserName == "root" && File.Exists("/usr/bin/setpriv");

        // Arrange: the owner's NightLeg, with the owner's browser let in.
        await using var nightleg = NightLegProcess.Start(["serve", "--demo", "--urls", "http://127.0.0.1:0", "--db", Db]);
        var port = new Uri(await nightleg.WaitForUrlAsync()).Port;
        using var owner = await nightleg.LetInClientAsync();

        // Act: what the issue's repro did as `nobody` — read the export and re-pair the wearable over TCP, and the socket.
        var export = await AsNobodyAsync(asNobody, $"printf 'GET /export/nightleg.json HTTP/1.0\\r\\nHost: 127.0.0.1\\r\\n\\r\\n' >&3; head -1 <&3", port);
        var pair = await AsNobodyAsync(asNobody,
            $"body='{{\"family\":\"polar-h10\",\"name\":\"x\"}}'; printf 'POST /relay/pair HTTP/1.0\\r\\nHost: 127.0.0.1\\r\\nContent-Type: application/json\\r\\nContent-Length: %d\\r\\n\\r\\n%s' ${{#body}} \"$body\" >&3; head -1 <&3",
            port);
        var socket = await AsNobodyAsync(asNobody, $"test -w '{Db}.sock' && echo writable || echo refused", port);

        // Assert
        Assert.StartsWith("HTTP/1.1 401", export);
        Assert.StartsWith("HTTP/1.1 401", pair);
        Assert.Equal(asNobody ? "refused" : "writable", socket);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/export/nightleg.json")).StatusCode);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<string> AsNobodyAsync(bool asNobody, string script, int port)
    {
        var info = new ProcessStartInfo(asNobody ? "/usr/bin/setpriv" : "bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        string[] become = asNobody ? ["--reuid=65534", "--regid=65534", "--clear-groups", "--", "bash"] : [];
        foreach (var arg in become.Concat(["-c", $"exec 3<>/dev/tcp/127.0.0.1/{port}; {script}"]))
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output.Trim();
    }

    private static Task WaitForAsync(Func<bool> condition) => Eventually.HoldsAsync(condition);

    [GeneratedRegex(@"For another browser: (?<url>http\S+)")]
    private static partial Regex NextLink();
}
