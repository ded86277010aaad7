using System.Net;
using System.Text.RegularExpressions;
using NightLeg.Tests.Support;

namespace NightLeg.Tests.Mobile.Web;

/// <summary>
/// The real server: a rebound name gets nothing (421), in loopback and in LAN mode; access-code tries
/// are limited to five a minute per client (then 429) and logged. (Issue 15, findings 3 and 4.)
/// </summary>
[Collection(RealTimeCollection.Name)]
public sealed class WebHardeningTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("nightleg-web-").FullName;

    [Fact]
    public async Task Loopback_DnsRebinding_GetsNoHealthData()
    {
        // Arrange
        await using var nightleg = NightLegProcess.Start(["serve", "--urls", "http://127.0.0.1:0", "--db", Path.Combine(_dir, "n.db")]);
        var url = new Uri(await nightleg.WaitForUrlAsync());
        using var http = await nightleg.LetInClientAsync(); // the user's own browser, let in by the printed link

        // Act: the tester's curl, and the names that are this machine's.
        var rebound = await GetAsync(http, url, "/export/nightleg.json", "rebind.evil.example");
        var own = new List<HttpStatusCode>();
        foreach (var host in new[] { $"localhost:{url.Port}", $"127.0.0.1:{url.Port}", $"[::1]:{url.Port}" })
        {
            own.Add((await GetAsync(http, url, "/export/nightleg.json", host)).StatusCode);
        }

        // Assert
        Assert.Equal(HttpStatusCode.MisdirectedRequest, rebound.StatusCode);
        Assert.DoesNotContain("nightleg-export", await rebound.Content.ReadAsStringAsync());
        Assert.All(own, s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Fact]
    public async Task Lan_DnsRebinding_421_OwnAddress_AsksForTheCode()
    {
        await using var nightleg = NightLegProcess.Start(["serve", "--lan", "--urls", "https://0.0.0.0:0", "--db", Path.Combine(_dir, "n.db")]);
        var port = new Uri((await nightleg.WaitForUrlAsync()).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)).Port;
        var url = new Uri($"https://127.0.0.1:{port}");
        using var http = new HttpClient(TrustingOurCa());

        var rebound = await GetAsync(http, url, "/health", "rebind.evil.example");
        var byName = await GetAsync(http, url, "/health", $"{Dns.GetHostName()}:{port}");

        Assert.Equal(HttpStatusCode.MisdirectedRequest, rebound.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, byName.StatusCode);
    }

    [Fact]
    public async Task Lan_AccessCode_FiveTriesAMinute_Then429AndLogged()
    {
        // Arrange
        await using var nightleg = NightLegProcess.Start(["serve", "--lan", "--urls", "https://127.0.0.1:0", "--db", Path.Combine(_dir, "n.db")]);
        var listening = await nightleg.WaitForUrlAsync();
        using var handler = TrustingOurCa();
        handler.AllowAutoRedirect = false;
        using var http = new HttpClient(handler) { BaseAddress = new Uri(listening) };
        var code = Regex.Match(nightleg.Stdout, @"Access code: (\d{6})").Groups[1].Value;
        var wrong = code == "000000" ? "111111" : "000000";

        // Act: five wrong codes, then the right one.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await http.PostAsync("/access", new FormUrlEncodedContent([new("code", wrong)]))).StatusCode);
        }

        using var sixth = await http.PostAsync("/access", new FormUrlEncodedContent([new("code", code)]));

        // Assert: even the right code waits out the minute; the guesses are in the log.
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.Equal("60", sixth.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("Too many tries: wait a minute", await sixth.Content.ReadAsStringAsync()); // a page that says why, not the browser's bare 429
        await WaitForAsync(() => Regex.Matches(nightleg.Stdout, "A wrong access code was entered from 127.0.0.1").Count == 5 && nightleg.Stdout.Contains("Too many access-code tries from 127.0.0.1"));
    }

    [Fact]
    public async Task Lan_AccessCode_GuessesFromManyAddresses_CappedTogether_CodeReplacedAfterFifty()
    {
        // Issue 21, R2: 200 loopback source addresses made 1,000 wrong tries in 2.8 s, all 401, none 429.
        await using var nightleg = NightLegProcess.Start(["serve", "--lan", "--urls", "https://127.0.0.1:0", "--db", Path.Combine(_dir, "n.db")]);
        var listening = new Uri(await nightleg.WaitForUrlAsync());
        var code = Regex.Match(nightleg.Stdout, @"Access code: (\d{6})").Groups[1].Value;
        var wrong = code == "000000" ? "111111" : "000000";

        // Act: one wrong try from each of 60 addresses (127.0.0.2 … 127.0.0.61: all loopback).
        var statuses = new List<HttpStatusCode>();
        for (var i = 2; i < 62; i++)
        {
            var local = IPAddress.Parse($"127.0.0.{i}");
            using var sockets = new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                SslOptions =
                {
                    RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                    {
                        using var ca = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificateFromFile(
                            Path.Combine(_dir, NightLeg.Mobile.Web.Tls.LocalCertificateAuthority.CertificateFileName));
                        return TrustOurCa.Verifies(System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(certificate!.GetRawCertData()), ca, out _);
                    },
                },
                ConnectCallback = async (context, token) =>
                {
                    var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
                    socket.Bind(new IPEndPoint(local, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, token);
                    return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
                },
            };
            using var http = new HttpClient(sockets) { BaseAddress = listening };
            statuses.Add((await http.PostAsync("/access", new FormUrlEncodedContent([new("code", wrong)]))).StatusCode);
        }

        // Assert: twenty a minute from all together, then 429 — however many addresses guess.
        Assert.Equal(LanAccessTries, statuses.Count(s => s == HttpStatusCode.Unauthorized));
        Assert.Equal(60 - LanAccessTries, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }

    private const int LanAccessTries = NightLeg.Mobile.Web.LanAccess.TriesPerWindowFromAll;

    /// <summary>A client that trusts NightLeg's CA in the test's folder, and nothing else.</summary>
    private HttpClientHandler TrustingOurCa() => TrustOurCa.Handler(_dir);

    private static async Task<HttpResponseMessage> GetAsync(HttpClient http, Uri server, string path, string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server, path));
        request.Headers.Host = host;
        return await http.SendAsync(request);
    }

    // The child process's log arrives through its stdout pipe, asynchronously.
    private static Task WaitForAsync(Func<bool> condition) => Eventually.AssertAsync(condition, "the log line");

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
