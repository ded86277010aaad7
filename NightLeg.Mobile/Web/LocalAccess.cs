using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Connections.Features;
using NightLeg.Sync.Storage;

namespace NightLeg.Mobile.Web;

/// <summary>
/// Without <c>--lan</c> NightLeg listens on this machine only, where other users of the machine can
/// reach it too. So, as Jupyter does, <c>serve</c> prints a link carrying a one-time token; the
/// browser that opens it gets a cookie (<see cref="AccessCookie"/>) and is redirected to the app, and
/// a new link is printed for the next browser (and <c>nightleg link</c> asks for it over the owner-only
/// control socket). Everything else answers 401 — except <c>/health</c>
/// (for monitors) and the owner-only control socket. Thread-safe.
/// </summary>
public sealed partial class LocalAccess(AccessTokens tokens, TimeProvider time, TextWriter console, ILogger<LocalAccess> logger, Func<string?> listening)
{
    /// <summary>The query parameter that carries the token.</summary>
    public const string TokenParameter = "token";

    private readonly Lock _gate = new();
    private string _token = NewToken();

    /// <summary>Where NightLeg listens (such as http://127.0.0.1:5180) once it does: the links are made on it.</summary>
    public string BaseUrl => (listening() ?? "http://127.0.0.1").TrimEnd('/');

    /// <summary>The link that lets the next browser in.</summary>
    public string Link
    {
        get
        {
            lock (_gate)
            {
                return $"{BaseUrl}/?{TokenParameter}={_token}";
            }
        }
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var onSocket = context.Features.Get<IConnectionSocketFeature>()?.Socket?.AddressFamily == AddressFamily.Unix;
        var signedIn = AccessCookie.IsLetIn(context, tokens);
        var offered = request.Query[TokenParameter].ToString();
        if (offered.Length > 0 && HttpMethods.IsGet(request.Method))
        {
            if (!signedIn && !TryUse(offered))
            {
                LogUsedLink(logger, context.Connection.RemoteIpAddress?.ToString() ?? "?");
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                await WritePageAsync(context, used: true);
                return;
            }

            if (!signedIn)
            {
                var browser = BrowserName.From(request.Headers.UserAgent.ToString());
                AccessCookie.Append(context, tokens, time, browser);
                LogLetIn(logger, browser);
                await console.WriteLineAsync($"A browser was let in ({browser}). For another browser: {Link}");
                await console.FlushAsync();
            }

            // The token never stays in the address bar, the history or a bookmark.
            context.Response.Redirect(WithoutToken(request));
            return;
        }

        if (signedIn || onSocket || HttpMethods.IsGet(request.Method) && request.Path.Equals("/health", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        await WritePageAsync(context, used: false);
    }

    private bool TryUse(string offered)
    {
        lock (_gate)
        {
            if (offered.Length != _token.Length ||
                !CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(offered), System.Text.Encoding.ASCII.GetBytes(_token)))
            {
                return false;
            }

            _token = NewToken(); // one-time
            return true;
        }
    }

    private static string WithoutToken(HttpRequest request)
    {
        var rest = request.Query.Where(q => !q.Key.Equals(TokenParameter, StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v ?? string.Empty)}"))
            .ToList();
        var path = request.PathBase.Add(request.Path).ToUriComponent();
        return rest.Count == 0 ? path : $"{path}?{string.Join('&', rest)}";
    }

    private static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');

    private static Task WritePageAsync(HttpContext context, bool used)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        var (english, norwegian) = used
            ? ("That link was used already: each link lets one browser in. For a new one, run: nightleg link",
               "Den lenken er brukt allerede: hver lenke slipper inn én nettleser. Få en ny med: nightleg link")
            : ("Open NightLeg with the link it printed where it runs, or get one with: nightleg link",
               "Åpne NightLeg med lenken den skrev ut der den kjører, eller få en med: nightleg link");
        return context.Response.WriteAsync($$"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="dark"><title>NightLeg – open the link</title>
            <style>body{margin:0;min-height:100vh;display:grid;place-items:center;background:#0b1020;color:#e6e9f2;font:18px/1.5 system-ui,sans-serif}
            main{max-width:24rem;padding:1.5rem;text-align:center}p+p{color:#9aa4bf}</style></head>
            <body><main><h1>NightLeg</h1><p>{{english}}</p><p lang="nb">{{norwegian}}</p></main></body></html>
            """);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A browser was let in with NightLeg's link: {Browser}")]
    private static partial void LogLetIn(ILogger logger, string browser);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A used or wrong link was opened from {Client}")]
    private static partial void LogUsedLink(ILogger logger, string client);
}
