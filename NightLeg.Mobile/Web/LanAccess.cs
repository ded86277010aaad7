using System.Security.Cryptography;
using NightLeg.Sync.Storage;

namespace NightLeg.Mobile.Web;

/// <summary>
/// LAN mode: every page and API answers 401 until the browser has entered the one-time access code
/// printed at start; it then gets the <see cref="AccessCookie"/>. A used code is
/// replaced by a new one (printed), and so is a code unused for <see cref="CodeLifetime"/>. Tries
/// are rate-limited per client by ASP.NET's rate limiter (<see cref="AddAccessCodeRateLimit"/>);
/// every wrong code is logged. Thread-safe; dispose to stop the code's expiry timer.
/// </summary>
public sealed partial class LanAccess : IDisposable
{
    /// <summary>An access code unused this long is replaced.</summary>
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);

    /// <summary>Code tries a client may make per <see cref="TryWindow"/>; more answer 429.</summary>
    public const int TriesPerWindow = 5;

    /// <summary>The rate limiter's window for code tries.</summary>
    public static readonly TimeSpan TryWindow = TimeSpan.FromMinutes(1);

    /// <summary>Code tries from all clients together per <see cref="TryWindow"/>: a /24 of guessers gets no more than one careful user would.</summary>
    public const int TriesPerWindowFromAll = 20;

    /// <summary>Wrong codes a code survives: then it is replaced (and printed anew), so guesses never add up across windows.</summary>
    public const int WrongTriesPerCode = 50;

    private const string RateLimitPolicy = "access-code";
    private int _wrongTries;
    private readonly Lock _gate = new();
    private readonly AccessTokens _tokens;
    private readonly TimeProvider _time;
    private readonly TextWriter _console;
    private readonly ILogger<LanAccess> _logger;
    private readonly ITimer _expiry;
    private string _code = NewCode();

    /// <summary>Creates the gate with a first code (printed by the caller), expiring after <see cref="CodeLifetime"/>.</summary>
    public LanAccess(AccessTokens tokens, TimeProvider time, TextWriter console, ILogger<LanAccess> logger)
    {
        _tokens = tokens;
        _time = time;
        _console = console;
        _logger = logger;
        _expiry = time.CreateTimer(_ => Expire(), null, CodeLifetime, CodeLifetime);
    }

    /// <summary>The code a browser must enter now.</summary>
    public string Code
    {
        get
        {
            lock (_gate)
            {
                return _code;
            }
        }
    }

    /// <summary>
    /// ASP.NET's rate limiter, limiting code tries (POST /access) to <see cref="TriesPerWindow"/> a minute per
    /// client address and <see cref="TriesPerWindowFromAll"/> a minute from all addresses together.
    /// </summary>
    public static void AddAccessCodeRateLimit(IServiceCollection services) =>
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            var perClient = System.Threading.RateLimiting.PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsCodeTry(context)
                    ? System.Threading.RateLimiting.RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "local",
                        _ => new System.Threading.RateLimiting.FixedWindowRateLimiterOptions { PermitLimit = TriesPerWindow, Window = TryWindow, QueueLimit = 0 })
                    : System.Threading.RateLimiting.RateLimitPartition.GetNoLimiter(RateLimitPolicy));
            var fromAll = System.Threading.RateLimiting.PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsCodeTry(context)
                    ? System.Threading.RateLimiting.RateLimitPartition.GetFixedWindowLimiter(
                        "all",
                        _ => new System.Threading.RateLimiting.FixedWindowRateLimiterOptions { PermitLimit = TriesPerWindowFromAll, Window = TryWindow, QueueLimit = 0 })
                    : System.Threading.RateLimiting.RateLimitPartition.GetNoLimiter(RateLimitPolicy));
            options.GlobalLimiter = System.Threading.RateLimiting.PartitionedRateLimiter.CreateChained(perClient, fromAll);
            options.OnRejected = async (context, cancellationToken) =>
            {
                var logger = context.HttpContext.RequestServices.GetRequiredService<ILogger<LanAccess>>();
                LogThrottled(logger, context.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "?");
                context.HttpContext.Response.Headers.RetryAfter = ((int)TryWindow.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                // The access page again, saying why, rather than the browser's bare "HTTP ERROR 429".
                await WritePageAsync(context.HttpContext, "Too many tries: wait a minute, then enter the code again. / For mange forsøk: vent et minutt og prøv koden igjen.");
            };
        });

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Path.Equals("/access", StringComparison.OrdinalIgnoreCase))
        {
            await AccessPageAsync(context);
            return;
        }

        if (AccessCookie.IsLetIn(context, _tokens) ||
            HttpMethods.IsGet(context.Request.Method) && context.Request.Path.Equals(NightLegWebHost.CaPath, StringComparison.Ordinal))
        {
            // The CA certificate is public: a phone fetches it before it can be let in securely.
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        await WritePageAsync(context, null);
    }

    /// <inheritdoc />
    public void Dispose() => _expiry.Dispose();

    private static bool IsCodeTry(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals("/access", StringComparison.OrdinalIgnoreCase);

    private void Expire()
    {
        string code;
        lock (_gate)
        {
            _code = code = NewCode();
        }

        _console.WriteLine($"The access code expired unused. The new access code is {code}");
        _console.Flush();
    }

    private async Task AccessPageAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.StatusCode = AccessCookie.IsLetIn(context, _tokens) ? StatusCodes.Status200OK : StatusCodes.Status401Unauthorized;
            await WritePageAsync(context, null);
            return;
        }

        if (!context.Request.HasFormContentType || context.Request.ContentLength is > 1024)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await WritePageAsync(context, null);
            return;
        }

        var form = await context.Request.ReadFormAsync();
        var entered = form["code"].ToString().Trim();
        string? next = null;
        lock (_gate)
        {
            if (entered.Length > 0 && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(entered), System.Text.Encoding.UTF8.GetBytes(_code)))
            {
                _code = next = NewCode(); // one-time
                _wrongTries = 0;
                _expiry.Change(CodeLifetime, CodeLifetime);
            }
        }

        var client = context.Connection.RemoteIpAddress?.ToString() ?? "?";
        if (next is null)
        {
            LogWrongCode(_logger, client);
            string? replaced = null;
            lock (_gate)
            {
                if (++_wrongTries >= WrongTriesPerCode)
                {
                    _code = replaced = NewCode();
                    _wrongTries = 0;
                    _expiry.Change(CodeLifetime, CodeLifetime);
                }
            }

            if (replaced is not null)
            {
                await _console.WriteLineAsync($"{WrongTriesPerCode} wrong access codes: the code was replaced. The new access code is {replaced}");
            }

            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await WritePageAsync(context, "Wrong code. / Feil kode.");
            return;
        }

        var browser = BrowserName.From(context.Request.Headers.UserAgent.ToString());
        LogLetIn(_logger, browser, client);
        await _console.WriteLineAsync($"A browser was let in ({browser}, {client}). The next access code is {next}");
        AccessCookie.Append(context, _tokens, _time, browser);
        context.Response.Redirect("/");
    }

    private static Task WritePageAsync(HttpContext context, string? error)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync($$"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="dark"><title>NightLeg – access code</title>
            <style>body{margin:0;min-height:100vh;display:grid;place-items:center;background:#0b1020;color:#e6e9f2;font:18px/1.5 system-ui,sans-serif}
            form{max-width:22rem;padding:1.5rem;text-align:center}input,button{font:inherit;width:100%;min-height:56px;border-radius:14px;margin:.5rem 0;box-sizing:border-box}
            input{text-align:center;letter-spacing:.3em;font-size:1.6rem;background:#1c2542;color:#e6e9f2;border:1px solid #2a355c}
            button{background:#7aa2ff;color:#0b1020;border:0;font-weight:700}.e{color:#ff8a7a}.m{color:#9aa4bf;font-size:15px}a{color:#7aa2ff}</style></head>
            <body><form method="post" action="/access"><h1>NightLeg</h1>
            <p>Enter the access code shown where NightLeg runs.<br>Skriv inn tilgangskoden som vises der NightLeg kjører.</p>
            {{(error is null ? string.Empty : $"<p class=\"e\" role=\"alert\">{error}</p>")}}
            <input name="code" inputmode="numeric" autocomplete="one-time-code" maxlength="6" autofocus aria-label="Access code">
            <button type="submit">OK</button>
            {{(context.Request.IsHttps ? "<p class=\"m\"><a href=\"/ca.crt\" download>nightleg-ca.crt</a>: first time on this phone? Trust NightLeg's certificate (steps: Settings › Phone on the machine).<br>Første gang på denne telefonen? Stol på NightLegs sertifikat.</p>" : string.Empty)}}
            </form></body></html>
            """);
    }

    private static string NewCode() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A wrong access code was entered from {Client}")]
    private static partial void LogWrongCode(ILogger logger, string client);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Too many access-code tries from {Client}: answered 429 for the rest of the minute")]
    private static partial void LogThrottled(ILogger logger, string client);

    [LoggerMessage(Level = LogLevel.Information, Message = "A browser was let in: {Browser} from {Client}")]
    private static partial void LogLetIn(ILogger logger, string browser, string client);
}
