using System.Security.Cryptography;
using NightLeg.Sync.Storage;

namespace NightLeg.Mobile.Web;

/// <summary>
/// LAN mode: every page and API answers 401 until the browser has entered the one-time access code
/// printed at start; it then gets a long-lived cookie. A used code is replaced by a new one (printed).
/// Thread-safe.
/// </summary>
public sealed class LanAccess(AccessTokens tokens, TimeProvider time, TextWriter console)
{
    public const string CookieName = "nightleg-access";
    private readonly Lock _gate = new();
    private string _code = NewCode();

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

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Path.Equals("/access", StringComparison.OrdinalIgnoreCase))
        {
            await AccessPageAsync(context);
            return;
        }

        if (tokens.IsValid(context.Request.Cookies[CookieName]))
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        await WritePageAsync(context, null);
    }

    private async Task AccessPageAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.StatusCode = tokens.IsValid(context.Request.Cookies[CookieName]) ? StatusCodes.Status200OK : StatusCodes.Status401Unauthorized;
            await WritePageAsync(context, null);
            return;
        }

        var form = await context.Request.ReadFormAsync();
        var entered = form["code"].ToString().Trim();
        bool accepted;
        lock (_gate)
        {
            accepted = entered.Length > 0 && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(entered), System.Text.Encoding.UTF8.GetBytes(_code));
            if (accepted)
            {
                _code = NewCode(); // one-time
            }
        }

        if (!accepted)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await WritePageAsync(context, "Wrong code. / Feil kode.");
            return;
        }

        await console.WriteLineAsync($"A browser was let in. The next access code is {Code}");
        context.Response.Cookies.Append(CookieName, tokens.Issue(time.GetUtcNow()), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Expires = time.GetUtcNow().AddYears(1),
            IsEssential = true,
        });
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
            button{background:#7aa2ff;color:#0b1020;border:0;font-weight:700}.e{color:#ff8a7a}</style></head>
            <body><form method="post" action="/access"><h1>NightLeg</h1>
            <p>Enter the access code shown where NightLeg runs.<br>Skriv inn tilgangskoden som vises der NightLeg kjører.</p>
            {{(error is null ? string.Empty : $"<p class=\"e\" role=\"alert\">{error}</p>")}}
            <input name="code" inputmode="numeric" autocomplete="one-time-code" maxlength="6" autofocus aria-label="Access code">
            <button type="submit">OK</button></form></body></html>
            """);
    }

    private static string NewCode() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
}
