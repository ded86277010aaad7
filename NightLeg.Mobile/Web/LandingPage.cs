namespace NightLeg.Mobile.Web;

/// <summary>The page at <c>/</c> until the app's screens are served there.</summary>
internal static class LandingPage
{
    public const string Html = """
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <meta name="color-scheme" content="dark">
          <title>NightLeg</title>
          <style>
            body { margin: 0; min-height: 100vh; display: grid; place-items: center;
                   background: #0b1020; color: #e6e9f2; font: 18px/1.5 system-ui, sans-serif; }
            main { max-width: 26rem; padding: 2rem; text-align: center; }
            h1 { font-size: 2.2rem; margin: 0 0 .5rem; }
            p { color: #aab2c8; }
          </style>
        </head>
        <body>
          <main>
            <h1>NightLeg</h1>
            <p>Your night companion for calf cramps is running on this machine.</p>
          </main>
        </body>
        </html>
        """;
}
