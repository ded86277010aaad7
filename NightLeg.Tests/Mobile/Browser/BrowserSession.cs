using Microsoft.Playwright;
using NightLeg.Tests.Support;

namespace NightLeg.Tests.Mobile.Browser;

/// <summary>
/// A real <c>nightleg serve</c> on a fresh database and Debian's Chromium driven by Playwright at a
/// phone's size (390×844, touch). Never downloads a browser: it uses /usr/bin/chromium.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private readonly string _dir;

    private BrowserSession(string dir, NightLegProcess server, IPlaywright playwright, IBrowser browser, IBrowserContext context, IPage page, string url)
    {
        _dir = dir;
        Server = server;
        Playwright = playwright;
        Browser = browser;
        Context = context;
        Page = page;
        Url = url;
    }

    public NightLegProcess Server { get; }

    public IPlaywright Playwright { get; }

    public IBrowser Browser { get; }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public string Url { get; }

    /// <summary>
    /// Screenshots go to the test output; with NIGHTLEG_UPDATE_SCREENSHOTS=1 they replace the committed
    /// set in docs/screenshots (so a normal test run leaves the work tree clean).
    /// </summary>
    public static string ScreenshotDirectory { get; } = Environment.GetEnvironmentVariable("NIGHTLEG_UPDATE_SCREENSHOTS") == "1"
        ? RepositoryRoot.Combine("docs", "screenshots")
        : Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>Starts <c>serve</c> on a fresh database, or on the one <paramref name="prepare"/> writes first (given its path).</summary>
    public static async Task<BrowserSession> StartAsync(string[] serveArgs, string locale = "en-GB", Func<string, Task>? prepare = null, string? databaseFolder = null)
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: `apt-get install -y chromium` (see README prerequisites)");
        }

        var dir = Directory.CreateTempSubdirectory("nightleg-ui-").FullName;
        var database = Path.Combine(databaseFolder ?? dir, "nightleg.db");
        if (prepare is not null)
        {
            await prepare(database);
        }

        // --lan is HTTPS: the browser is told to trust the server's key, as a phone that trusted NightLeg's CA does.
        var https = serveArgs.Contains("--lan") && !serveArgs.Contains("--insecure-http");
        var server = NightLegProcess.Start(["serve", "--urls", https ? "https://127.0.0.1:0" : "http://127.0.0.1:0", "--db", database, .. serveArgs]);
        var url = await server.WaitForUrlAsync();
        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        string[] trust = https ? [$"--ignore-certificate-errors-spki-list={await ServerKeyPinAsync(new Uri(url))}"] : [];
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", .. trust],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
            Locale = locale,
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = locale },
            BaseURL = url,
        });
        // Count every attempt to make a noise or vibrate: a prompt must never wake anyone by default.
        await context.AddInitScriptAsync("""
            window.__nightlegAlerts = [];
            (function () {
              const record = (what) => window.__nightlegAlerts.push(what);
              if (navigator.vibrate) { navigator.vibrate = function () { record('vibrate'); return true; }; }
              for (const name of ['AudioContext', 'webkitAudioContext']) {
                const Original = window[name];
                if (Original) { window[name] = function () { record('audio'); return new Original(); }; }
              }
              const play = HTMLMediaElement.prototype.play;
              HTMLMediaElement.prototype.play = function () { record('media'); return play.apply(this, arguments); };
            })();
            """);
        var page = await context.NewPageAsync();
        if (!serveArgs.Contains("--lan"))
        {
            // The user's one step: open the link serve printed; the browser keeps a cookie and lands on the app.
            var opened = await page.GotoAsync(await server.WaitForLinkAsync());
            if (opened is not { Ok: true } || page.Url.Contains("token=", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"the printed link did not let the browser in: {opened?.Status} at {page.Url}");
            }
        }

        Directory.CreateDirectory(ScreenshotDirectory);
        return new BrowserSession(dir, server, playwright, browser, context, page, url) { DatabaseFolder = Path.GetDirectoryName(database)! };
    }

    /// <summary>The folder of the database (and of NightLeg's CA, with --lan).</summary>
    public string DatabaseFolder { get; private init; } = string.Empty;

    /// <summary>An HTTP handler that trusts NightLeg's CA (with --lan) and nothing else; no redirects followed.</summary>
    public HttpClientHandler Handler() => TrustOurCa.Handler(DatabaseFolder);

    /// <summary>The base64 SHA-256 of the server certificate's public key (what Chromium's SPKI allow-list takes).</summary>
    public static async Task<string> ServerKeyPinAsync(Uri server)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        System.Security.Cryptography.X509Certificates.X509Certificate2? leaf = null;
        await using var tls = new System.Net.Security.SslStream(tcp.GetStream(), false, (_, certificate, _, _) =>
        {
            leaf = new System.Security.Cryptography.X509Certificates.X509Certificate2(certificate!);
            return true;
        });
        await tls.AuthenticateAsClientAsync(server.Host);
        return Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(leaf!.PublicKey.ExportSubjectPublicKeyInfo()));
    }

    /// <summary>Goes to a page and waits until Blazor's interactive circuit is up (a tap before that would be lost).</summary>
    public async Task GoAsync(string path)
    {
        await Page.GotoAsync(path);
        await Page.WaitForSelectorAsync("[data-interactive=true]", new PageWaitForSelectorOptions { Timeout = 30_000 });
    }

    /// <summary>Every sound or vibration the page has attempted since it loaded.</summary>
    public Task<string[]> AlertsAsync() => Page.EvaluateAsync<string[]>("() => window.__nightlegAlerts");

    public Task TapAsync(string testId) => Page.Locator($"[data-testid={testId}]").First.TapAsync();

    public Task<IReadOnlyList<byte>> ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png") }).ContinueWith(t => (IReadOnlyList<byte>)t.Result);

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        await Browser.CloseAsync();
        Playwright.Dispose();
        await Server.DisposeAsync();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
