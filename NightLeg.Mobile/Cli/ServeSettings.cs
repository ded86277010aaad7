namespace NightLeg.Mobile.Cli;

/// <summary>What <c>nightleg serve</c> was asked to do. Immutable.</summary>
/// <param name="Urls">Semicolon-separated listen URLs for Kestrel.</param>
/// <param name="DatabasePath">The database file.</param>
/// <param name="Demo">Use the demo wearable instead of Bluetooth.</param>
/// <param name="Speed">Demo playback speed (× real time).</param>
/// <param name="RecordPath">Also write the live notification stream as a capture here.</param>
/// <param name="Lan">Listen on the local network, behind a one-time access code.</param>
/// <param name="Verbose">Log the host's own failure reports (stack traces) too.</param>
/// <param name="Mqtt">Home Assistant's MQTT broker for this run (wins over the one set in Settings).</param>
/// <param name="CertificatePath">The user's own HTTPS certificate (PEM), instead of NightLeg's local CA.</param>
/// <param name="KeyPath">Its key (PEM).</param>
/// <param name="InsecureHttp">Plain HTTP on the local network, knowingly.</param>
public sealed record ServeSettings(string Urls, string DatabasePath, bool Demo = false, double Speed = ServeSettings.DefaultSpeed, string? RecordPath = null, bool Lan = false,
    bool Verbose = false, NightLeg.Sync.Integrations.MqttBroker? Mqtt = null, string? CertificatePath = null, string? KeyPath = null, bool InsecureHttp = false)
{
    /// <summary>Default demo speed: the demo night's cramp comes ≈37 min in, so the prompt shows after ≈4 minutes.</summary>
    public const double DefaultSpeed = 10;

    /// <summary>True when some URL is https: a certificate is needed.</summary>
    public bool UsesHttps => Urls.Split(';', StringSplitOptions.TrimEntries).Any(u => u.StartsWith("https://", StringComparison.OrdinalIgnoreCase));
}
