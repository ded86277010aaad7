namespace NightLeg.Sync.Integrations;

/// <summary>
/// Where NightLeg tells others about the night — all off until the user sets them (nothing leaves the
/// machine otherwise): Home Assistant over MQTT, push to the phone through ntfy or Gotify, and the
/// address the phone opens the app at (for the notification's link). Secrets are kept in the
/// owner-only database, never shown back or logged. Immutable.
/// </summary>
/// <param name="MqttUrl">The broker, <c>mqtt://[user@]host[:port]</c> (the password apart).</param>
/// <param name="MqttPassword">The broker's password.</param>
/// <param name="NtfyUrl">The ntfy topic URL, e.g. <c>https://ntfy.example/nightleg-3f9c</c>.</param>
/// <param name="NtfyToken">An ntfy access token, if the server wants one.</param>
/// <param name="GotifyUrl">The Gotify server, e.g. <c>https://gotify.example</c>.</param>
/// <param name="GotifyToken">The Gotify application token.</param>
/// <param name="AppUrl">Where the phone opens NightLeg (the link in a notification); default: the first LAN address.</param>
/// <param name="InstanceId">This NightLeg's id in Home Assistant (made once).</param>
public sealed record IntegrationSettings(
    string? MqttUrl = null,
    string? MqttPassword = null,
    string? NtfyUrl = null,
    string? NtfyToken = null,
    string? GotifyUrl = null,
    string? GotifyToken = null,
    string? AppUrl = null,
    string? InstanceId = null)
{
    /// <summary>Nothing set.</summary>
    public static IntegrationSettings None { get; } = new();

    /// <summary>The broker, when one is set and its URL parses.</summary>
    public MqttBroker? Broker()
    {
        if (string.IsNullOrWhiteSpace(MqttUrl))
        {
            return null;
        }

        try
        {
            return MqttBroker.Parse(MqttUrl, MqttPassword);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Shown without its secrets (for logs and pages).</summary>
    public override string ToString() =>
        $"mqtt {MqttUrl ?? "off"}, ntfy {NtfyUrl ?? "off"}{(NtfyToken is null ? string.Empty : " (token)")}, gotify {GotifyUrl ?? "off"}{(GotifyToken is null ? string.Empty : " (token)")}";
}
