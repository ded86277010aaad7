using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using NightLeg.Domain.Cramps;
using NightLeg.Domain.Detection;
using NightLeg.Domain.Guidance;
using NightLeg.Domain.Storage;
using NightLeg.Sync.Live;

namespace NightLeg.Sync.Integrations;

/// <summary>
/// Push to the phone without a cloud of ours: on a detection, a short, non-clinical notification —
/// "Woke suddenly — cramp?" and a link to the prompt, nothing more — to the user's ntfy topic and/or
/// Gotify server. Silent (ntfy priority 2, Gotify 2: no sound or vibration), like the prompt itself;
/// when the user turned prompt sound on and the awakening becomes plainly one in distress
/// (<see cref="AlertPolicy"/>), the same notification once more, loud. A failed post is retried
/// briefly (3 tries, 2 s apart) and logged once until one succeeds again. Thread-safe.
/// </summary>
public sealed partial class PushNotifier : IDisposable
{
    /// <summary>Tries per notification.</summary>
    public const int Attempts = 3;

    /// <summary>Pause between tries.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    private readonly Func<Language, string> _promptText;
    private readonly IntegrationSettingsStore _settings;
    private readonly ISettingsRepository _userSettings;
    private readonly NightSession _session;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly ILogger<PushNotifier> _logger;
    private readonly HashSet<string> _failing = [];

    /// <summary>Creates the notifier, subscribed to the night's awakenings.</summary>
    /// <param name="settings">Where to push (ntfy, Gotify) and the app's address.</param>
    /// <param name="userSettings">The user's language and sound setting.</param>
    /// <param name="session">The night whose awakenings are pushed.</param>
    /// <param name="http">The client the pushes go through.</param>
    /// <param name="time">The clock (retries).</param>
    /// <param name="logger">Where failures are logged, once per episode.</param>
    /// <param name="promptText">The prompt's question in a language, from the app's one catalogue (the push says what the prompt says).</param>
    public PushNotifier(IntegrationSettingsStore settings, ISettingsRepository userSettings, NightSession session, HttpClient http, TimeProvider time, ILogger<PushNotifier> logger,
        Func<Language, string> promptText)
    {
        _promptText = promptText;
        _settings = settings;
        _userSettings = userSettings;
        _session = session;
        _http = http;
        _time = time;
        _logger = logger;
        _session.AwakeningRecorded += OnAwakening;
        _session.AwakeningDistressed += OnDistress;
    }

    /// <summary>The last push sent (for tests and Settings), or null.</summary>
    public Task? LastSend { get; private set; }

    /// <inheritdoc />
    public void Dispose()
    {
        _session.AwakeningRecorded -= OnAwakening;
        _session.AwakeningDistressed -= OnDistress;
    }

    /// <summary>
    /// Sends the notification for <paramref name="cramp"/> to every configured target — loud when
    /// <paramref name="distressAt"/> says the awakening is plainly one in distress and sound is on;
    /// completes when all are done or given up.
    /// </summary>
    public async Task NotifyAsync(CrampEvent cramp, DateTimeOffset? distressAt = null, CancellationToken cancellationToken = default)
    {
        var settings = _settings.Get();
        var user = _userSettings.Get();
        var course = distressAt is { } at ? (cramp.Course ?? new AwakeningCourse(null, null, null)) with { DistressAt = at } : cramp.Course;
        var loud = AlertPolicy.For(course, user.PromptSound) == PromptAlert.Sound;
        var text = _promptText(user.Language ?? Language.English);
        var link = _settings.AppUrl() + "/tonight";
        var sends = new List<Task>();
        if (settings.NtfyUrl is { } ntfy)
        {
            sends.Add(SendAsync("ntfy", () => NtfyRequest(ntfy, settings.NtfyToken, text, link, loud), cancellationToken));
        }

        if (settings.GotifyUrl is { } gotify && settings.GotifyToken is { } token)
        {
            sends.Add(SendAsync("Gotify", () => GotifyRequest(gotify, token, text, link, loud), cancellationToken));
        }

        await Task.WhenAll(sends);
    }

    /// <summary>The ntfy publish: JSON to the server's root naming the topic (so the text can be any language).</summary>
    public static HttpRequestMessage NtfyRequest(string topicUrl, string? token, string text, string link, bool loud)
    {
        // The topic is the last segment; JSON goes to the folder above it (the server's root, or its sub-path behind a proxy).
        var uri = new Uri(topicUrl.TrimEnd('/'));
        var topic = uri.Segments[^1];
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(uri, "."))
        {
            Content = Json(new JsonObject
            {
                ["topic"] = topic,
                ["title"] = "NightLeg",
                ["message"] = text,
                ["priority"] = loud ? 4 : 2,
                ["click"] = link,
                ["tags"] = new JsonArray("zzz"),
            }),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    /// <summary>A JSON body, as UTF-8 (built as nodes: nothing found by reflection).</summary>
    private static StringContent Json(JsonObject body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    /// <summary>The Gotify message: the app token in its header (not in the URL, so it is not logged by proxies).</summary>
    public static HttpRequestMessage GotifyRequest(string serverUrl, string token, string text, string link, bool loud)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(serverUrl.TrimEnd('/') + "/"), "message"))
        {
            Content = Json(new JsonObject
            {
                ["title"] = "NightLeg",
                ["message"] = text,
                ["priority"] = loud ? 5 : 2,
                ["extras"] = new JsonObject
                {
                    ["client::notification"] = new JsonObject { ["click"] = new JsonObject { ["url"] = link } },
                },
            }),
        };
        request.Headers.Add("X-Gotify-Key", token);
        return request;
    }

    private void OnAwakening(CrampEvent cramp)
    {
        var settings = _settings.Get();
        if (settings.NtfyUrl is null && settings.GotifyUrl is null)
        {
            return;
        }

        LastSend = Task.Run(() => NotifyAsync(cramp));
    }

    private void OnDistress(CrampEvent cramp)
    {
        var settings = _settings.Get();
        if ((settings.NtfyUrl is null && settings.GotifyUrl is null) || !_userSettings.Get().PromptSound)
        {
            return; // silent already went out; without sound there is nothing more to say
        }

        LastSend = Task.Run(() => NotifyAsync(cramp, _time.GetUtcNow()));
    }

    private async Task SendAsync(string target, Func<HttpRequestMessage> request, CancellationToken cancellationToken)
    {
        string? problem = null;
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            try
            {
                using var message = request();
                using var response = await _http.SendAsync(message, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    lock (_failing)
                    {
                        _failing.Remove(target);
                    }

                    return;
                }

                problem = $"{(int)response.StatusCode} {response.ReasonPhrase}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                problem = e.GetBaseException().Message;
            }

            if (attempt < Attempts)
            {
                await Task.Delay(RetryDelay, _time, cancellationToken);
            }
        }

        bool first;
        lock (_failing)
        {
            first = _failing.Add(target);
        }

        if (first)
        {
            LogFailed(target, problem ?? "no answer");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Push to {Target} failed after 3 tries ({Problem}); the prompt is on the screen anyway")]
    private partial void LogFailed(string target, string problem);
}
