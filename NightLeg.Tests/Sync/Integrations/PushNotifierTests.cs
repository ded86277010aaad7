using System.Net;
using Microsoft.Extensions.Logging;
using NightLeg.Domain.Cramps;
using NightLeg.Domain.Detection;
using NightLeg.Domain.Guidance;
using NightLeg.Domain.Nights;
using NightLeg.Domain.Storage;
using NightLeg.Sync.Integrations;
using NightLeg.Sync.Live;
using NightLeg.Sync.Storage;
using NightLeg.Tests.Fakes;
using NightLeg.Tests.Support;

namespace NightLeg.Tests.Sync.Integrations;

/// <summary>
/// Push to the phone through ntfy and Gotify, checked byte for byte against an in-test HTTP
/// receiver: what is sent (a short non-clinical text and a link, nothing more), silent unless sound
/// is on and movement corroborates, retried briefly and logged once. (Issue 14.)
/// </summary>
public sealed class PushNotifierTests : IDisposable
{
    private const string AppUrl = "http://nightleg.example:5180";
    private static readonly NightCalendar Oslo = NightCalendar.ForZone("Europe/Oslo");
    private static readonly NightId Night = new(new DateOnly(2026, 3, 10), "Europe/Oslo");
    private static readonly DateTimeOffset Onset = new(2026, 3, 11, 2, 40, 0, TimeSpan.FromHours(1));
    private readonly string _dir = Directory.CreateTempSubdirectory("nightleg-push-").FullName;
    private readonly NightLegDatabase _database;
    private readonly IntegrationSettingsStore _store;
    private readonly InMemorySettingsRepository _user = new();
    private readonly CrampJournal _journal;
    private readonly NightSession _session;
    private readonly ListLogger<PushNotifier> _log = new();
    private readonly HttpClient _http = new();

    public PushNotifierTests()
    {
        _database = NightLegDatabase.Open(new DatabaseOptions(Path.Combine(_dir, "nightleg.db")), TimeProvider.System);
        _store = new IntegrationSettingsStore(_database);
        var built = new NightSessionBuilder(TimeProvider.System);
        _session = built.Build();
        _journal = built.Journal;
    }

    [Fact]
    public async Task Ntfy_ExactRequest_SilentByDefault()
    {
        // Arrange
        using var ntfy = new HttpReceiver();
        _store.Save(_store.Get() with { NtfyUrl = $"{ntfy.Url}/nightleg-3f9c", NtfyToken = "tk_AbC123", AppUrl = AppUrl + "/" });
        using var notifier = Notifier();

        // Act
        await notifier.NotifyAsync(Detected(DetectionEvidence.HeartRateAndMotion, 9));

        // Assert
        var request = Assert.Single(ntfy.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/", request.PathAndQuery);
        Assert.Equal("Bearer tk_AbC123", request.Headers["Authorization"]);
        Assert.Equal("application/json; charset=utf-8", request.Headers["Content-Type"]);
        Assert.Equal(
            """{"topic":"nightleg-3f9c","title":"NightLeg","message":"Woke up suddenly. A cramp?","priority":2,"click":"http://nightleg.example:5180/tonight","tags":["zzz"]}""",
            request.Text);
        Assert.Empty(_log.Lines);
    }

    [Fact]
    public async Task Ntfy_BehindASubPath_WithoutToken_Norwegian()
    {
        using var ntfy = new HttpReceiver();
        _store.Save(_store.Get() with { NtfyUrl = $"{ntfy.Url}/ntfy/nightleg-3f9c", AppUrl = AppUrl });
        _user.Save(_user.Get() with { Language = Language.NorwegianBokmal });
        using var notifier = Notifier();

        await notifier.NotifyAsync(Detected(DetectionEvidence.HeartRateOnly, 0));

        var request = Assert.Single(ntfy.Requests);
        Assert.Equal("/ntfy/", request.PathAndQuery);
        Assert.False(request.Headers.ContainsKey("Authorization"));
        Assert.Equal(
            """{"topic":"nightleg-3f9c","title":"NightLeg","message":"V\u00E5knet br\u00E5tt. Krampe?","priority":2,"click":"http://nightleg.example:5180/tonight","tags":["zzz"]}""",
            request.Text);
    }

    [Fact]
    public async Task Gotify_ExactRequest_TokenInTheHeader()
    {
        using var gotify = new HttpReceiver();
        _store.Save(_store.Get() with { GotifyUrl = gotify.Url + "/", GotifyToken = "AqW3-xyz", AppUrl = AppUrl });
        using var notifier = Notifier();

        await notifier.NotifyAsync(Detected(DetectionEvidence.HeartRateAndMotion, 9));

        var request = Assert.Single(gotify.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/message", request.PathAndQuery);
        Assert.Equal("AqW3-xyz", request.Headers["X-Gotify-Key"]);
        Assert.Equal("application/json; charset=utf-8", request.Headers["Content-Type"]);
        Assert.Equal(
            """{"title":"NightLeg","message":"Woke up suddenly. A cramp?","priority":2,"extras":{"client::notification":{"click":{"url":"http://nightleg.example:5180/tonight"}}}}""",
            request.Text);
    }

    [Fact]
    public async Task SoundOn_SilentAtTheDetection_LoudOnlyOnceDistressIsPlain()
    {
        // Arrange: the user turned sound on.
        using var ntfy = new HttpReceiver();
        using var gotify = new HttpReceiver();
        _store.Save(_store.Get() with { NtfyUrl = $"{ntfy.Url}/t", GotifyUrl = gotify.Url, GotifyToken = "k" });
        _user.Save(_user.Get() with { PromptSound = true });
        using var notifier = Notifier();
        var cramp = Detected(DetectionEvidence.HeartRateAndMotion, 9);

        // Act: the detection, then (a minute and a half on, still working the leg) distress.
        await notifier.NotifyAsync(cramp);
        await notifier.NotifyAsync(cramp, cramp.At.AddSeconds(90));

        // Assert: ntfy 2 (silent) then 4 (sound); Gotify 2 then 5.
        Assert.Equal([2, 4], ntfy.Requests.Select(r => Priority(r.Text)));
        Assert.Equal([2, 5], gotify.Requests.Select(r => Priority(r.Text)));
    }

    [Fact]
    public async Task SoundOff_DistressToo_StaysSilent()
    {
        using var ntfy = new HttpReceiver();
        _store.Save(_store.Get() with { NtfyUrl = $"{ntfy.Url}/t" });
        using var notifier = Notifier();
        var cramp = Detected(DetectionEvidence.HeartRateAndMotion, 9);

        await notifier.NotifyAsync(cramp, cramp.At.AddSeconds(90));

        Assert.Equal([2], ntfy.Requests.Select(r => Priority(r.Text)));
    }

    [Fact]
    public async Task FailedPost_RetriedBriefly_LoggedOnceUntilItWorksAgain()
    {
        // Arrange: the server fails twice, recovers, then fails for good.
        using var ntfy = new HttpReceiver(HttpStatusCode.BadGateway, HttpStatusCode.BadGateway, HttpStatusCode.OK,
            HttpStatusCode.InternalServerError, HttpStatusCode.InternalServerError, HttpStatusCode.InternalServerError,
            HttpStatusCode.InternalServerError, HttpStatusCode.InternalServerError, HttpStatusCode.InternalServerError);
        _store.Save(_store.Get() with { NtfyUrl = $"{ntfy.Url}/t" });
        using var notifier = Notifier();

        // Act
        await notifier.NotifyAsync(Detected(DetectionEvidence.HeartRateOnly, 0));
        var logAfterRecovery = _log.Lines.Count;
        await notifier.NotifyAsync(Detected(DetectionEvidence.HeartRateOnly, 0));
        await notifier.NotifyAsync(Detected(DetectionEvidence.HeartRateOnly, 0));

        // Assert: 3 tries each; the lasting failure said once, naming the target and the answer.
        Assert.Equal(9, ntfy.Requests.Count);
        Assert.Equal(0, logAfterRecovery);
        var line = Assert.Single(_log.Lines);
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Equal("Push to ntfy failed after 3 tries (500 Internal Server Error); the prompt is on the screen anyway", line.Message);
    }

    [Fact]
    public async Task DemoNight_OneNotificationForItsCramp_FromTheRealExecutable()
    {
        // Arrange: ntfy set in Settings (in the database) before the night starts.
        using var ntfy = new HttpReceiver();
        var db = Path.Combine(_dir, "demo.db");
        using (var database = NightLegDatabase.Open(new DatabaseOptions(db), TimeProvider.System))
        {
            var store = new IntegrationSettingsStore(database);
            store.Save(store.Get() with { NtfyUrl = $"{ntfy.Url}/nightleg-demo" });
        }

        // Act: the demo night at 600× (its cramp ≈37 night minutes in).
        await using var nightleg = NightLegProcess.Start(["serve", "--demo", "--speed", "600", "--urls", "http://127.0.0.1:0", "--db", db]);
        var url = await nightleg.WaitForUrlAsync();
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        await Eventually.HoldsAsync(() => ntfy.Requests.Count > 0, TimeSpan.FromSeconds(60));

        // Then twenty more minutes of the night (two seconds at 600×): a second push for the same cramp would have come.
        var storedAtPush = await SecondsStoredAsync(http);
        await Eventually.HoldsAsync(async () => await SecondsStoredAsync(http) >= storedAtPush + 1200, TimeSpan.FromSeconds(30));

        // Assert: exactly one push, silent, linking to this NightLeg's prompt.
        var request = Assert.Single(ntfy.Requests);
        using var json = System.Text.Json.JsonDocument.Parse(request.Text);
        Assert.Equal("nightleg-demo", json.RootElement.GetProperty("topic").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("priority").GetInt32());
        Assert.Equal(url + "/tonight", json.RootElement.GetProperty("click").GetString());
        Assert.Equal(["topic", "title", "message", "priority", "click", "tags"], json.RootElement.EnumerateObject().Select(p => p.Name));
    }

    private static async Task<long> SecondsStoredAsync(HttpClient http)
    {
        using var json = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("/health"));
        return json.RootElement.GetProperty("secondsStored").GetInt64();
    }

    public void Dispose()
    {
        _http.Dispose();
        _database.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private PushNotifier Notifier() => new(_store, _user, _session, _http, TimeProvider.System, _log, language => new NightLeg.Mobile.Localization.Strings(language)["prompt.question"]);

    private CrampEvent Detected(DetectionEvidence evidence, int activeSeconds) =>
        _journal.RecordDetection(Night, new AwakeningDetected(Onset, Onset.AddSeconds(12), 52, 76, activeSeconds, null, 0.8, evidence));

    private static int Priority(string json) => System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("priority").GetInt32();
}
