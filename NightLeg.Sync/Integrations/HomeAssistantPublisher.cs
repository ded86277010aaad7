using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Protocol;
using NightLeg.Domain.Cramps;
using NightLeg.Domain.Detection;
using NightLeg.Sync.Live;

namespace NightLeg.Sync.Integrations;

/// <summary>
/// Home Assistant over the user's MQTT broker, by MQTT discovery: one device (NightLeg, with the
/// wearable's name), an <c>event</c> entity for detections (<c>awakening</c>, and <c>cramp</c> once
/// confirmed), a <c>binary_sensor</c> for asleep and <c>sensor</c>s for heart rate, battery and the
/// cramps of the last night; availability through a last will. Discovery configs and the latest
/// state are retained (Home Assistant needs them after its own restart); events are not, and
/// nothing else health-related is kept on the broker. Reconnects with backoff (1 s doubling to a
/// minute) and republishes on every connection. A failure is logged once per kind (never the
/// password) and shown in <see cref="Status"/>; the night records regardless. Topics:
/// docs/home-assistant.md. Thread-safe.
/// </summary>
public sealed partial class HomeAssistantPublisher : BackgroundService
{
    /// <summary>The discovery prefix Home Assistant listens on.</summary>
    public const string DiscoveryPrefix = "homeassistant";

    /// <summary>A live state (heart rate) is sent at most this often.</summary>
    public static readonly TimeSpan StateInterval = TimeSpan.FromSeconds(10);

    /// <summary>An awakening not delivered within this long (broker unreachable) is not sent at all.</summary>
    public static readonly TimeSpan StaleEvent = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(1);
    private readonly IntegrationSettingsStore _settings;
    private readonly NightSession _session;
    private readonly CrampJournal _journal;
    private readonly TimeProvider _time;
    private readonly ILogger<HomeAssistantPublisher> _logger;
    private readonly Channel<Func<IMqttClient, CancellationToken, Task>> _outbox =
        Channel.CreateBounded<Func<IMqttClient, CancellationToken, Task>>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest });
    private CancellationTokenSource _reconfigured = new();
    private HomeAssistantProblem? _lastLogged;
    private string? _announcedDevice;
    private LiveStatus? _lastSent;
    private DateTimeOffset _lastSentAt = DateTimeOffset.MinValue;
    private HomeAssistantStatus _status = HomeAssistantStatus.Off;

    public HomeAssistantPublisher(IntegrationSettingsStore settings, NightSession session, CrampJournal journal, TimeProvider time, ILogger<HomeAssistantPublisher> logger)
    {
        _settings = settings;
        _session = session;
        _journal = journal;
        _time = time;
        _logger = logger;
        _settings.Changed += _ => _reconfigured.Cancel();
        _session.StatusChanged += OnStatus;
        _session.AwakeningRecorded += OnAwakening;
        _journal.CrampConfirmed += OnCrampConfirmed;
    }

    /// <summary>Connected, trying, off, or what went wrong (for Settings).</summary>
    public HomeAssistantStatus Status => Volatile.Read(ref _status);

    /// <summary>This NightLeg's topics: <c>nightleg/&lt;id&gt;/…</c>.</summary>
    public string BaseTopic => $"nightleg/{_settings.Get().InstanceId}";

    /// <inheritdoc />
    public override void Dispose()
    {
        _session.StatusChanged -= OnStatus;
        _session.AwakeningRecorded -= OnAwakening;
        _journal.CrampConfirmed -= OnCrampConfirmed;
        _reconfigured.Dispose();
        base.Dispose();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var attempt = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var broker = _settings.Broker();
            using var reconfigured = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, _reconfigured.Token);
            if (broker is null)
            {
                SetStatus(HomeAssistantStatus.Off);
                await WaitAsync(Timeout.InfiniteTimeSpan, reconfigured.Token);
                ResetReconfigured();
                continue;
            }

            SetStatus(new HomeAssistantStatus(HomeAssistantState.Connecting, broker.ToString(), null));
            try
            {
                using var client = new MqttClientFactory().CreateMqttClient();
                var disconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                client.DisconnectedAsync += _ =>
                {
                    disconnected.TrySetResult();
                    return Task.CompletedTask;
                };
                var connected = await client.ConnectAsync(Options(broker), reconfigured.Token);
                if (connected.ResultCode != MqttClientConnectResultCode.Success)
                {
                    throw new MQTTnet.Adapter.MqttConnectingFailedException(connected.ResultCode.ToString(), null);
                }

                attempt = 0;
                _lastLogged = null;
                SetStatus(new HomeAssistantStatus(HomeAssistantState.Connected, broker.ToString(), null));
                LogConnected(broker.ToString());
                await AnnounceAsync(client, reconfigured.Token);
                await PumpAsync(client, disconnected.Task, reconfigured.Token);
                if (client.IsConnected)
                {
                    // Leaving on purpose (stopping, or new settings): say so, as the will would have.
                    await PublishAsync(client, $"{BaseTopic}/availability", "offline", retain: true, CancellationToken.None);
                    await client.DisconnectAsync(new MqttClientDisconnectOptions(), CancellationToken.None);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (OperationCanceledException)
            {
                // New settings: connect again with them at once.
                ResetReconfigured();
                attempt = 0;
                continue;
            }
            catch (Exception e)
            {
                var reason = Describe(e, broker);
                SetStatus(new HomeAssistantStatus(HomeAssistantState.Failed, broker.ToString(), reason));
                if (reason != _lastLogged)
                {
                    _lastLogged = reason;
                    LogFailed(reason.ToString());
                }
            }

            if (stoppingToken.IsCancellationRequested)
            {
                break;
            }

            var delay = TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, attempt++)));
            await WaitAsync(delay, reconfigured.Token);
            if (_reconfigured.IsCancellationRequested)
            {
                ResetReconfigured();
                attempt = 0;
            }
        }
    }

    private async Task AnnounceAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        Volatile.Write(ref _announcedDevice, _session.Status.DeviceName);
        foreach (var (topic, payload) in DiscoveryConfigs())
        {
            await PublishAsync(client, topic, payload, retain: true, cancellationToken);
        }

        await PublishAsync(client, $"{BaseTopic}/availability", "online", retain: true, cancellationToken);
        await SendStateAsync(client, _session.Status, force: true, cancellationToken);
    }

    private async Task PumpAsync(IMqttClient client, Task disconnected, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var next = _outbox.Reader.WaitToReadAsync(cancellationToken).AsTask();
            if (await Task.WhenAny(next, disconnected) == disconnected)
            {
                throw new IOException("the broker closed the connection");
            }

            if (!await next)
            {
                return;
            }

            while (_outbox.Reader.TryRead(out var send))
            {
                await send(client, cancellationToken);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    private void OnStatus(LiveStatus status)
    {
        if (status.DeviceName is { } device && device != Volatile.Read(ref _announcedDevice))
        {
            // The wearable's name is part of the device in Home Assistant: told again when it changes.
            Volatile.Write(ref _announcedDevice, device);
            _outbox.Writer.TryWrite((client, ct) => AnnounceAsync(client, ct));
        }

        var now = _time.GetUtcNow();
        var changed = _lastSent is null || _lastSent.Sleep != status.Sleep || _lastSent.BatteryPercent != status.BatteryPercent;
        if (!changed && now - _lastSentAt < StateInterval)
        {
            return;
        }

        _lastSentAt = now;
        _lastSent = status;
        _outbox.Writer.TryWrite((client, ct) => SendStateAsync(client, status, force: false, ct));
    }

    private async Task SendStateAsync(IMqttClient client, LiveStatus status, bool force, CancellationToken cancellationToken)
    {
        await PublishAsync(client, $"{BaseTopic}/asleep", status.Sleep == SleepState.Asleep ? "ON" : "OFF", retain: true, cancellationToken);
        if (status.HeartRateBpm is { } hr)
        {
            await PublishAsync(client, $"{BaseTopic}/heart_rate", Math.Round(hr).ToString(CultureInfo.InvariantCulture), retain: true, cancellationToken);
        }

        if (status.BatteryPercent is { } battery || force)
        {
            await PublishAsync(client, $"{BaseTopic}/battery", status.BatteryPercent?.ToString(CultureInfo.InvariantCulture) ?? "unknown", retain: true, cancellationToken);
        }
    }

    private void OnAwakening(CrampEvent cramp)
    {
        var queuedAt = _time.GetUtcNow();
        _outbox.Writer.TryWrite((client, ct) =>
            // An awakening told long after (the broker was away) would light a lamp for nothing: dropped.
            _time.GetUtcNow() - queuedAt > StaleEvent
                ? Task.CompletedTask
                : PublishAsync(client, $"{BaseTopic}/event", EventJson("awakening", cramp), retain: false, ct));
    }

    private void OnCrampConfirmed(CrampEvent cramp)
    {
        var count = 0;
        try
        {
            // The cramps of that night, as confirmed so far.
            count = _journal.CountConfirmed(cramp.Night);
        }
        catch (Storage.StorageException)
        {
            count = 1;
        }

        _outbox.Writer.TryWrite(async (client, ct) =>
        {
            await PublishAsync(client, $"{BaseTopic}/event", EventJson("cramp", cramp), retain: false, ct);
            await PublishAsync(client, $"{BaseTopic}/cramps_last_night", count.ToString(CultureInfo.InvariantCulture), retain: true, ct);
        });
    }

    private string EventJson(string type, CrampEvent cramp)
    {
        var payload = new Dictionary<string, object?>
        {
            ["event_type"] = type,
            ["onset"] = cramp.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["heart_rate_jump"] = cramp.Detection?.HeartRateRiseBpm is { } rise ? Math.Round(rise) : null,
            ["evidence"] = cramp.Detection?.Evidence switch
            {
                DetectionEvidence.HeartRateAndMotion => "heart-rate-and-movement",
                DetectionEvidence.HeartRateOnly => "heart-rate",
                DetectionEvidence.MotionOnly => "movement",
                _ => "logged",
            },
            ["moving"] = cramp.Detection?.ActiveSeconds >= DetectorConstants.MinimumActiveSecondsForHeartRateOnly,
            ["url"] = _settings.AppUrl() + "/tonight",
        };
        return Json(payload);
    }

    private static Task PublishAsync(IMqttClient client, string topic, string payload, bool retain, CancellationToken cancellationToken) =>
        client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithRetainFlag(retain)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build(), cancellationToken);

    private static HomeAssistantProblem Describe(Exception e, MqttBroker broker)
    {
        var text = e.ToString();
        var shown = broker.ToString();
        return e switch
        {
            MQTTnet.Adapter.MqttConnectingFailedException when text.Contains(nameof(MqttClientConnectResultCode.BadUserNameOrPassword), StringComparison.Ordinal) ||
                                                               text.Contains(nameof(MqttClientConnectResultCode.NotAuthorized), StringComparison.Ordinal) =>
                new(HomeAssistantProblemKind.Credentials, shown),
            MQTTnet.Adapter.MqttConnectingFailedException f => new(HomeAssistantProblemKind.Refused, shown, f.Message.Split('\n')[0]),
            _ when text.Contains("Connection refused", StringComparison.OrdinalIgnoreCase) => new(HomeAssistantProblemKind.NothingAnswers, shown),
            System.Net.Sockets.SocketException s => new(HomeAssistantProblemKind.Unreachable, shown, s.Message),
            IOException => new(HomeAssistantProblemKind.Lost, shown),
            _ => new(HomeAssistantProblemKind.Other, shown, e.GetBaseException().Message),
        };
    }

    private void SetStatus(HomeAssistantStatus status) => Volatile.Write(ref _status, status);

    private void ResetReconfigured()
    {
        var old = _reconfigured;
        _reconfigured = new CancellationTokenSource();
        old.Dispose();
    }

    private async Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _time, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026",
        Justification = "The payloads are anonymous types of this assembly, which the trimmed build keeps whole (TrimMode partial), with JSON by reflection on.")]
    private static string Json(object value) => JsonSerializer.Serialize(value);

    private static string Version =>
        typeof(HomeAssistantPublisher).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown";

    [LoggerMessage(Level = LogLevel.Information, Message = "Home Assistant: connected to {Broker}")]
    private partial void LogConnected(string broker);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Home Assistant: {Reason}; NightLeg keeps trying, and the night is recorded anyway")]
    private partial void LogFailed(string reason);
}
