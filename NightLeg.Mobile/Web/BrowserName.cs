namespace NightLeg.Mobile.Web;

/// <summary>A few words for a browser from its User-Agent, so the user can tell signed-in browsers apart ("Safari on iPhone").</summary>
public static class BrowserName
{
    public static string From(string? userAgent)
    {
        var ua = userAgent ?? string.Empty;
        var browser = ua switch
        {
            _ when ua.Contains("Firefox/", StringComparison.Ordinal) || ua.Contains("FxiOS/", StringComparison.Ordinal) => "Firefox",
            _ when ua.Contains("Edg/", StringComparison.Ordinal) || ua.Contains("EdgA/", StringComparison.Ordinal) => "Edge",
            _ when ua.Contains("SamsungBrowser/", StringComparison.Ordinal) => "Samsung Internet",
            _ when ua.Contains("Chrome/", StringComparison.Ordinal) || ua.Contains("CriOS/", StringComparison.Ordinal) => "Chrome",
            _ when ua.Contains("Safari/", StringComparison.Ordinal) => "Safari",
            _ => "A browser",
        };
        var system = ua switch
        {
            _ when ua.Contains("iPhone", StringComparison.Ordinal) => "iPhone",
            _ when ua.Contains("iPad", StringComparison.Ordinal) => "iPad",
            _ when ua.Contains("Android", StringComparison.Ordinal) => "Android",
            _ when ua.Contains("Windows", StringComparison.Ordinal) => "Windows",
            _ when ua.Contains("Mac OS X", StringComparison.Ordinal) => "Mac",
            _ when ua.Contains("Linux", StringComparison.Ordinal) => "Linux",
            _ => null,
        };
        return system is null ? browser : $"{browser} on {system}";
    }
}
