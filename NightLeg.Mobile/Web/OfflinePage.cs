using System.Text.Encodings.Web;
using NightLeg.Domain.Guidance;
using NightLeg.Mobile.Localization;

namespace NightLeg.Mobile.Web;

/// <summary>
/// The page the phone's service worker shows when NightLeg cannot be reached (sw.js keeps it): its words come
/// from the one catalogue, both languages in the page, since which one the phone speaks is known only there.
/// It goes back to the app as soon as <c>/health</c> answers.
/// </summary>
public static class OfflinePage
{
    /// <summary>Where it is served (and what sw.js caches).</summary>
    public const string Path = "/offline.html";

    /// <summary>Maps <see cref="Path"/>.</summary>
    public static void MapOfflinePage(this WebApplication app) =>
        app.MapGet(Path, () => Results.Content(Html(), "text/html; charset=utf-8"));

    /// <summary>The page.</summary>
    public static string Html()
    {
        var en = new Strings(Language.English);
        var nb = new Strings(Language.NorwegianBokmal);
        string H(string text) => HtmlEncoder.Default.Encode(text);
        string J(string text) => "'" + JavaScriptEncoder.Default.Encode(text) + "'";
        return $$"""
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
              <meta name="color-scheme" content="dark">
              <meta name="theme-color" content="#0b1020">
              <title>NightLeg</title>
              <link rel="stylesheet" href="/app.css">
            </head>
            <body class="offline">
              <main class="offline-card" data-testid="offline">
                <img src="/icons/icon-192.png" width="96" height="96" alt="">
                <h1 id="title">{{H(en["offline.title"])}}</h1>
                <p id="body" class="muted">{{H(en["offline.body"])}}</p>
              </main>
              <script>
                // Said in the phone's language; back to the app as soon as NightLeg answers.
                if (/^(nb|no|nn)\b/i.test(navigator.language || '')) {
                  document.documentElement.lang = 'nb';
                  document.getElementById('title').textContent = {{J(nb["offline.title"])}};
                  document.getElementById('body').textContent = {{J(nb["offline.body"])}};
                }
                setInterval(function () {
                  // /health is never cached by the service worker: an answer means NightLeg is back.
                  fetch('/health', { cache: 'no-store' }).then(function (r) { if (r.status < 500) { location.reload(); } }).catch(function () { });
                }, 5000);
              </script>
            </body>
            </html>
            """;
    }
}
