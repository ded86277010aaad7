using NightLeg.Sync.Storage;

namespace NightLeg.Mobile.Web;

/// <summary>
/// The cookie a browser keeps once let in — by the link (<see cref="LocalAccess"/>) or the access code
/// (<see cref="LanAccess"/>): a token from <see cref="AccessTokens"/> (stored hashed), HttpOnly,
/// same-site only, Secure over HTTPS, for <see cref="AccessTokens.Lifetime"/>.
/// </summary>
public static class AccessCookie
{
    /// <summary>The cookie's name for the NightLeg of <paramref name="tokens"/>: <c>nightleg-access-</c> and its database's <see cref="AccessTokens.Owner"/> (two NightLegs on one machine, one browser: both stay signed in).</summary>
    public static string NameFor(AccessTokens tokens) => "nightleg-access-" + tokens.Owner;

    /// <summary>Where a let-in request keeps its browser's reference (<see cref="SignedInBrowser.Reference"/>): Settings marks "this browser" by it.</summary>
    public const string BrowserItem = "nightleg.browser";

    /// <summary>True when the request carries a token that is still valid; its browser's reference is kept in <see cref="BrowserItem"/>.</summary>
    public static bool IsLetIn(HttpContext context, AccessTokens tokens)
    {
        if (tokens.Validate(context.Request.Cookies[NameFor(tokens)]) is not { } reference)
        {
            return false;
        }

        context.Items[BrowserItem] = reference;
        return true;
    }

    /// <summary>Issues a token for <paramref name="browser"/> and sets it on the response.</summary>
    public static void Append(HttpContext context, AccessTokens tokens, TimeProvider time, string browser) =>
        context.Response.Cookies.Append(NameFor(tokens), tokens.Issue(browser), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Expires = time.GetUtcNow() + AccessTokens.Lifetime,
            IsEssential = true,
        });
}
