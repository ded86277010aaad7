namespace NightLeg.Sync.Integrations;

/// <summary>
/// Where the user's MQTT broker is: <c>mqtt://[user[:password]@]host[:port]</c> (1883), or
/// <c>mqtts://…</c> (8883, TLS). <see cref="ToString"/> never shows the password. Immutable.
/// </summary>
/// <param name="Host">Host name or address.</param>
/// <param name="Port">TCP port.</param>
/// <param name="User">User name, if the broker wants one.</param>
/// <param name="Password">Its password (kept out of every log line and page).</param>
/// <param name="Tls">True for mqtts.</param>
public sealed record MqttBroker(string Host, int Port, string? User, string? Password, bool Tls)
{
    /// <summary>Environment variable for the broker's password (instead of putting it in the URL on the command line).</summary>
    public const string PasswordVariable = "NIGHTLEG_MQTT_PASSWORD";

    /// <summary>Parses a broker URL; <paramref name="password"/> fills in a password the URL lacks. Throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static MqttBroker Parse(string url, string? password = null)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("mqtt" or "mqtts") || uri.Host.Length == 0 ||
            uri.AbsolutePath is not ("" or "/"))
        {
            throw new FormatException($"\"{Redact(url)}\" is not a broker URL such as mqtt://user@homeassistant.local:1883");
        }

        string? user = null;
        string? fromUrl = null;
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':');
            user = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            fromUrl = colon < 0 ? null : Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        }

        var tls = uri.Scheme == "mqtts";
        return new MqttBroker(uri.Host, uri.IsDefaultPort || uri.Port <= 0 ? (tls ? 8883 : 1883) : uri.Port, user, fromUrl ?? password, tls);
    }

    /// <summary>The URL without the password.</summary>
    public override string ToString() => $"{(Tls ? "mqtts" : "mqtt")}://{(User is null ? string.Empty : Uri.EscapeDataString(User) + "@")}{Host}:{Port}";

    /// <summary>A URL as typed, with any password replaced by ***.</summary>
    public static string Redact(string url)
    {
        var at = url.IndexOf('@');
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (at < 0 || scheme < 0 || at < scheme)
        {
            return url;
        }

        var colon = url.IndexOf(':', scheme + 3);
        return colon > 0 && colon < at ? url[..(colon + 1)] + "***" + url[at..] : url;
    }
}
