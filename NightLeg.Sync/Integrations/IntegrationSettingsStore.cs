using LiteDB;
using NightLeg.Sync.Storage;

namespace NightLeg.Sync.Integrations;

/// <summary>
/// The integration settings in the database (one document beside the user's settings), and what
/// the command line set for this run (<c>--mqtt</c>), which wins. Raises <see cref="Changed"/> so
/// the publishers reconnect. Thread-safe.
/// </summary>
public sealed class IntegrationSettingsStore(NightLegDatabase database, MqttBroker? commandLineBroker = null, Func<string?>? defaultAppUrl = null)
{
    private const string Id = "integrations";
    private readonly Lock _gate = new();
    private IntegrationSettings? _cached;

    /// <summary>Raised after <see cref="Save"/>.</summary>
    public event Action<IntegrationSettings>? Changed;

    /// <summary>The broker from the command line, if any (it wins over Settings).</summary>
    public MqttBroker? CommandLineBroker { get; } = commandLineBroker;

    /// <summary>The settings as stored (an instance id is made on first read).</summary>
    public IntegrationSettings Get()
    {
        lock (_gate)
        {
            if (_cached is not null)
            {
                return _cached;
            }
        }

        var doc = database.Read("settings", c => c.FindById(Id));
        var settings = doc is null ? IntegrationSettings.None : new IntegrationSettings(
            Text(doc, "mqttUrl"), Text(doc, "mqttPassword"), Text(doc, "ntfyUrl"), Text(doc, "ntfyToken"),
            Text(doc, "gotifyUrl"), Text(doc, "gotifyToken"), Text(doc, "appUrl"), Text(doc, "instanceId"));
        if (settings.InstanceId is null)
        {
            settings = settings with { InstanceId = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4)).ToLowerInvariant() };
            Write(settings);
        }

        lock (_gate)
        {
            _cached = settings;
        }

        return settings;
    }

    /// <summary>The address a notification links to: the one set in Settings, else where the host listens, without a trailing slash.</summary>
    public string AppUrl() => (Get().AppUrl ?? defaultAppUrl?.Invoke() ?? "http://127.0.0.1:5180").TrimEnd('/');

    /// <summary>The broker to use now: the command line's, else the one set in Settings.</summary>
    public MqttBroker? Broker() => CommandLineBroker ?? Get().Broker();

    /// <summary>Stores new settings (the instance id is kept) and tells the publishers.</summary>
    public void Save(IntegrationSettings settings)
    {
        settings = settings with { InstanceId = Get().InstanceId };
        Write(settings);
        lock (_gate)
        {
            _cached = settings;
        }

        Changed?.Invoke(settings);
    }

    private void Write(IntegrationSettings s)
    {
        var doc = new BsonDocument
        {
            ["_id"] = Id,
            ["mqttUrl"] = s.MqttUrl ?? BsonValue.Null,
            ["mqttPassword"] = s.MqttPassword ?? BsonValue.Null,
            ["ntfyUrl"] = s.NtfyUrl ?? BsonValue.Null,
            ["ntfyToken"] = s.NtfyToken ?? BsonValue.Null,
            ["gotifyUrl"] = s.GotifyUrl ?? BsonValue.Null,
            ["gotifyToken"] = s.GotifyToken ?? BsonValue.Null,
            ["appUrl"] = s.AppUrl ?? BsonValue.Null,
            ["instanceId"] = s.InstanceId ?? BsonValue.Null,
        };
        database.Write("settings", c => c.Upsert(doc));
    }

    private static string? Text(BsonDocument doc, string name) => doc.TryGetValue(name, out var v) && v.IsString && v.AsString.Length > 0 ? v.AsString : null;
}
