using CommunityToolkit.Mvvm.ComponentModel;
using CommunityToolkit.Mvvm.Input;
using NightLeg.Sync.Integrations;

namespace NightLeg.Mobile.ViewModels;

/// <summary>
/// Settings › Home Assistant and phone alerts: the MQTT broker, an ntfy topic, a Gotify server and
/// the address the phone opens, each off until filled in. Secrets are never shown back: a blank
/// secret field keeps the stored one; emptying an address also forgets its secret. UI-neutral.
/// </summary>
public sealed partial class IntegrationsViewModel(IntegrationSettingsStore store, HomeAssistantPublisher? publisher = null) : ObservableObject
{
    [ObservableProperty]
    public partial string MqttUrl { get; set; } = string.Empty;

    [ObservableProperty]
    public partial string MqttPassword { get; set; } = string.Empty;

    [ObservableProperty]
    public partial string NtfyUrl { get; set; } = string.Empty;

    [ObservableProperty]
    public partial string NtfyToken { get; set; } = string.Empty;

    [ObservableProperty]
    public partial string GotifyUrl { get; set; } = string.Empty;

    [ObservableProperty]
    public partial string GotifyToken { get; set; } = string.Empty;

    [ObservableProperty]
    public partial string AppUrl { get; set; } = string.Empty;

    /// <summary>A password, a token: stored already (the field stays blank).</summary>
    [ObservableProperty]
    public partial bool HasMqttPassword { get; set; }

    [ObservableProperty]
    public partial bool HasNtfyToken { get; set; }

    [ObservableProperty]
    public partial bool HasGotifyToken { get; set; }

    /// <summary>The Home Assistant link now.</summary>
    [ObservableProperty]
    public partial HomeAssistantStatus Status { get; set; } = HomeAssistantStatus.Off;

    /// <summary>What is wrong with the input, by field (mqtt, ntfy, gotify, app); empty when saved.</summary>
    [ObservableProperty]
    public partial IReadOnlyDictionary<string, string> Errors { get; set; } = new Dictionary<string, string>();

    [ObservableProperty]
    public partial bool Saved { get; set; }

    /// <summary>The broker given with <c>serve --mqtt</c>, which wins over the one here.</summary>
    public string? CommandLineBroker => store.CommandLineBroker?.ToString();

    /// <summary>The address a notification opens when none is set here.</summary>
    public string DefaultAppUrl => store.AppUrl();

    public void Load()
    {
        var s = store.Get();
        MqttUrl = s.MqttUrl ?? string.Empty;
        NtfyUrl = s.NtfyUrl ?? string.Empty;
        GotifyUrl = s.GotifyUrl ?? string.Empty;
        AppUrl = s.AppUrl ?? string.Empty;
        MqttPassword = NtfyToken = GotifyToken = string.Empty;
        HasMqttPassword = s.MqttPassword is not null;
        HasNtfyToken = s.NtfyToken is not null;
        HasGotifyToken = s.GotifyToken is not null;
        Errors = new Dictionary<string, string>();
        Saved = false;
        Refresh();
    }

    /// <summary>Reads the link's status again.</summary>
    public void Refresh() => Status = publisher?.Status ?? HomeAssistantStatus.Off;

    [RelayCommand]
    private void Save()
    {
        var errors = new Dictionary<string, string>();
        var mqtt = Blank(MqttUrl);
        if (mqtt is not null)
        {
            try
            {
                var broker = MqttBroker.Parse(mqtt);
                if (broker.Password is not null)
                {
                    // A password typed into the URL goes where passwords go.
                    mqtt = new MqttBroker(broker.Host, broker.Port, broker.User, null, broker.Tls).ToString();
                    MqttPassword = broker.Password;
                }
            }
            catch (FormatException)
            {
                errors["mqtt"] = "mqtt://user@homeassistant.local:1883";
            }
        }

        var ntfy = Blank(NtfyUrl);
        if (ntfy is not null && !(Web(ntfy) is { } n && n.AbsolutePath.Trim('/').Length > 0 && !n.AbsolutePath.Trim('/').Contains('/')))
        {
            errors["ntfy"] = "https://ntfy.sh/your-secret-topic";
        }

        var gotify = Blank(GotifyUrl);
        if (gotify is not null && Web(gotify) is null)
        {
            errors["gotify"] = "https://gotify.example.org";
        }

        var app = Blank(AppUrl);
        if (app is not null && Web(app) is null)
        {
            errors["app"] = "https://nightleg.local:5180";
        }

        var old = store.Get();
        var gotifyToken = gotify is null ? null : Blank(GotifyToken) ?? old.GotifyToken;
        if (gotify is not null && gotifyToken is null)
        {
            errors["gotifyToken"] = "Gotify › Apps › token";
        }

        Errors = errors;
        if (errors.Count > 0)
        {
            Saved = false;
            return;
        }

        store.Save(old with
        {
            MqttUrl = mqtt,
            MqttPassword = mqtt is null ? null : Blank(MqttPassword) ?? old.MqttPassword,
            NtfyUrl = ntfy,
            NtfyToken = ntfy is null ? null : Blank(NtfyToken) ?? old.NtfyToken,
            GotifyUrl = gotify,
            GotifyToken = gotifyToken,
            AppUrl = app,
        });
        Load();
        Saved = true;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static Uri? Web(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0 ? uri : null;
}
