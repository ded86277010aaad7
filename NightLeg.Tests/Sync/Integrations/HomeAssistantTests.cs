using System.Text.Json;
using Microsoft.Extensions.Logging;
using NightLeg.Domain.Cramps;
using NightLeg.Domain.Detection;
using NightLeg.Domain.Nights;
using NightLeg.Mobile.ViewModels;
using NightLeg.Sync.Integrations;
using NightLeg.Sync.Live;
using NightLeg.Sync.Storage;
using NightLeg.Tests.Fakes;
using NightLeg.Tests.Support;

namespace NightLeg.Tests.Sync.Integrations;

/// <summary>
/// Home Assistant over a real mosquitto broker: discovery, events, reconnection and a refused
/// password, with the real <c>nightleg</c> and with the publisher in process. (Issue 14.)
/// </summary>
[Collection(RealTimeCollection.Name)]
public sealed class HomeAssistantTests : IDisposable
{
    private const string User = "homeassistant";
    private const string Password = "pa55-Night-Leg";
    private static readonly NightCalendar Oslo = NightCalendar.ForZone("Europe/Oslo");
    private readonly string _dir = Directory.CreateTempSubdirectory("nightleg-ha-").FullName;

    [Fact]
    public async Task DemoNight_DiscoveryRetained_AwakeningEvent_BrokerRestart_ReconnectsAndKeepsRecording()
    {
        // Arrange: a broker that wants a password; NightLeg gets it from the environment, not the command line.
        using var broker = Mosquitto.Start(User, Password);
        await using var live = await MqttWatcher.ConnectAsync(broker.Port, User, Password);
        await using var nightleg = NightLegProcess.Start(
            ["serve", "--demo", "--speed", "600", "--urls", "http://127.0.0.1:0", "--db", Path.Combine(_dir, "nightleg.db"), "--mqtt", $"mqtt://{User}@127.0.0.1:{broker.Port}"],
            new Dictionary<string, string> { [MqttBroker.PasswordVariable] = Password });
        var url = await nightleg.WaitForUrlAsync();
        using var http = new HttpClient { BaseAddress = new Uri(url) };

        // Act 1: the demo night's cramp is detected (≈37 night minutes in: a few seconds at 600×).
        var awakening = await live.WaitForAsync(m => m.Topic.EndsWith("/event", StringComparison.Ordinal), TimeSpan.FromSeconds(60), "awakening event");

        // Assert 1: the event says what happened, links to the prompt, and is not retained.
        using (var json = JsonDocument.Parse(awakening.Payload))
        {
            Assert.Equal("awakening", json.RootElement.GetProperty("event_type").GetString());
            // Sitting up decides within seconds (a chest strap), so the jump is the heart's rise so far.
            Assert.True(json.RootElement.GetProperty("heart_rate_jump").GetDouble() > 0);
            Assert.Equal("heart-rate-and-movement", json.RootElement.GetProperty("evidence").GetString());
            Assert.Equal(url + "/tonight", json.RootElement.GetProperty("url").GetString());
            Assert.True(DateTimeOffset.TryParse(json.RootElement.GetProperty("onset").GetString(), out _));
        }

        Assert.False(awakening.Retained);

        // Assert 2: someone arriving later (Home Assistant after its own restart) gets the five configs, retained, on one device.
        await using (var late = await MqttWatcher.ConnectAsync(broker.Port, User, Password))
        {
            await late.WaitForAsync(m => m.Topic.EndsWith("/availability", StringComparison.Ordinal) && m.Payload == "online", TimeSpan.FromSeconds(10), "availability");
            await Eventually.HoldsAsync(() => late.Messages.Count(m => m.Topic.StartsWith("homeassistant/", StringComparison.Ordinal)) >= 5);
            var configs = late.Messages.Where(m => m.Topic.StartsWith("homeassistant/", StringComparison.Ordinal)).ToList();
            Assert.Equal(
                ["homeassistant/binary_sensor/*/asleep/config", "homeassistant/event/*/awakening/config", "homeassistant/sensor/*/battery/config",
                 "homeassistant/sensor/*/cramps_last_night/config", "homeassistant/sensor/*/heart_rate/config"],
                configs.Select(m => Wild(m.Topic)).Order(StringComparer.Ordinal));
            Assert.All(configs, m => Assert.True(m.Retained, m.Topic));
            var devices = configs.Select(m => JsonDocument.Parse(m.Payload).RootElement.GetProperty("device")).ToList();
            Assert.Single(devices.Select(d => d.GetProperty("identifiers")[0].GetString()).Distinct());
            Assert.All(devices, d => Assert.StartsWith("Polar H10", d.GetProperty("model").GetString())); // the wearable's own name
            using var eventConfig = JsonDocument.Parse(configs.Single(m => m.Topic.Contains("/event/", StringComparison.Ordinal)).Payload);
            Assert.Equal(["awakening", "cramp"], eventConfig.RootElement.GetProperty("event_types").EnumerateArray().Select(e => e.GetString()));
            // Nothing but the last state is kept on the broker: no event is retained.
            Assert.DoesNotContain(late.Messages, m => m.Topic.EndsWith("/event", StringComparison.Ordinal));
        }

        // Act 2: the broker restarts in the middle of the night (it forgets everything: persistence is off).
        var storedBefore = await SecondsStoredAsync(http);
        broker.Stop();
        await Eventually.AssertAsync(() => nightleg.Stdout.Contains("NightLeg keeps trying", StringComparison.Ordinal), "NightLeg to find the broker gone");
        broker.Resume();
        await using var after = await MqttWatcher.ConnectAsync(broker.Port, User, Password);

        // Assert 3: NightLeg reconnects by itself, says it is online and announces itself again.
        await after.WaitForAsync(m => m.Topic.EndsWith("/availability", StringComparison.Ordinal) && m.Payload == "online", TimeSpan.FromSeconds(30), "availability after the restart");
        await after.WaitForAsync(m => m.Topic.EndsWith("/awakening/config", StringComparison.Ordinal), TimeSpan.FromSeconds(10), "discovery after the restart");
        await using (var later = await MqttWatcher.ConnectAsync(broker.Port, User, Password))
        {
            // Kept again on the broker that forgot it.
            await later.WaitForAsync(m => m.Topic.EndsWith("/awakening/config", StringComparison.Ordinal) && m.Retained, TimeSpan.FromSeconds(10), "retained discovery after the restart");
        }

        await after.WaitForAsync(m => m.Topic.EndsWith("/heart_rate", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "heart rate after the restart");
        Assert.True(await SecondsStoredAsync(http) > storedBefore, "the night went on recording");

        // The password never reaches the output.
        Assert.DoesNotContain(Password, nightleg.Stdout + nightleg.Stderr, StringComparison.Ordinal);
        Assert.Contains($"Home Assistant: MQTT broker mqtt://{User}@127.0.0.1:{broker.Port}", nightleg.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfirmedInTheMorning_PublishesCrampEventAndTheNightsCount()
    {
        // Arrange: the publisher in process, on a real database, connected to a real broker.
        using var broker = Mosquitto.Start();
        await using var fixture = await Fixture.StartAsync(_dir, MqttBroker.Parse(broker.Url));
        await using var watcher = await MqttWatcher.ConnectAsync(broker.Port);
        await WaitConnectedAsync(fixture.Publisher);
        var night = new NightId(new DateOnly(2026, 3, 10), "Europe/Oslo");
        var onset = new DateTimeOffset(2026, 3, 11, 2, 40, 0, TimeSpan.FromHours(1));
        var detected = fixture.Journal.RecordDetection(night, new AwakeningDetected(onset, onset.AddSeconds(12), 52, 76, 9, 60, 0.8, DetectionEvidence.HeartRateAndMotion));

        // Act
        var outcome = fixture.Journal.Confirm(detected.Id, new CrampReport(Leg.Left, CrampLocation.Calf, 7, 90));

        // Assert
        Assert.True(outcome.Succeeded);
        var cramp = await watcher.WaitForAsync(m => m.Topic.EndsWith("/event", StringComparison.Ordinal), TimeSpan.FromSeconds(10), "cramp event");
        using var json = JsonDocument.Parse(cramp.Payload);
        Assert.Equal("cramp", json.RootElement.GetProperty("event_type").GetString());
        Assert.Equal("2026-03-11T01:40:00Z", json.RootElement.GetProperty("onset").GetString());
        Assert.Equal(24, json.RootElement.GetProperty("heart_rate_jump").GetDouble());
        Assert.Equal("http://nightleg.example:5180/tonight", json.RootElement.GetProperty("url").GetString());
        var count = await watcher.WaitForAsync(m => m.Topic.EndsWith("/cramps_last_night", StringComparison.Ordinal) && m.Payload == "1", TimeSpan.FromSeconds(10), "count");
        Assert.False(cramp.Retained);
        Assert.Equal($"{fixture.Publisher.BaseTopic}/cramps_last_night", count.Topic);
    }

    [Fact]
    public async Task WrongPassword_OneLogLineAndStatusInSettings_NightKeepsRecording()
    {
        // Arrange: the broker wants another password.
        using var broker = Mosquitto.Start(User, Password);
        await using var fixture = await Fixture.StartAsync(_dir, MqttBroker.Parse($"mqtt://{User}:wrong-one@127.0.0.1:{broker.Port}"));

        // Act: a minute of the night arrives while NightLeg tries (1 s, 2 s, 4 s apart) for eight seconds.
        var start = new DateTimeOffset(2026, 3, 10, 23, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 60; i++)
        {
            fixture.Session.Post(new NightLeg.Sync.Ble.GattNotification(start.AddSeconds(i), NightLeg.Sync.Gatt.GattUuids.HeartRateMeasurement, new byte[] { 0x00, 55 }));
        }

        // Real time: the publisher's tries (1 s, 2 s, 4 s apart) meet a real broker; the log must stay at one line through them.
        await Task.Delay(TimeSpan.FromSeconds(8));
        await fixture.Session.FlushAsync();
        var settings = new IntegrationsViewModel(fixture.Store, fixture.Publisher);
        settings.Load();

        // Assert: said once, plainly, without the password; shown in Settings; the night recorded.
        var lines = fixture.Log.Lines.Where(l => l.Level == LogLevel.Warning).Select(l => l.Message).ToList();
        Assert.Equal([$"Home Assistant: the broker mqtt://{User}@127.0.0.1:{broker.Port} refused the user name or password; NightLeg keeps trying, and the night is recorded anyway"], lines);
        Assert.Equal(HomeAssistantState.Failed, settings.Status.State);
        Assert.Equal(HomeAssistantProblemKind.Credentials, settings.Status.Problem!.Kind);
        Assert.Equal($"Home Assistant: megleren mqtt://{User}@127.0.0.1:{broker.Port} avviste brukernavnet eller passordet",
            new NightLeg.Mobile.Localization.Strings(NightLeg.Domain.Guidance.Language.NorwegianBokmal).Format("ha.Failed", new NightLeg.Mobile.Localization.Strings(NightLeg.Domain.Guidance.Language.NorwegianBokmal).Problem(settings.Status.Problem)));
        Assert.DoesNotContain("wrong-one", string.Join('\n', fixture.Log.Lines.Select(l => l.Message)) + settings.Status, StringComparison.Ordinal);
        Assert.True(fixture.Session.Status.SecondsStored >= 55, $"{fixture.Session.Status.SecondsStored} seconds stored");
    }

    [Fact]
    public async Task NewBrokerInSettings_ConnectsWithoutRestart()
    {
        // Arrange: nothing set, then a broker typed into Settings.
        using var broker = Mosquitto.Start();
        await using var fixture = await Fixture.StartAsync(_dir, null);
        await using var watcher = await MqttWatcher.ConnectAsync(broker.Port);
        Assert.Equal(HomeAssistantState.Off, fixture.Publisher.Status.State);
        var settings = new IntegrationsViewModel(fixture.Store, fixture.Publisher);
        settings.Load();

        // Act
        settings.MqttUrl = broker.Url;
        settings.SaveCommand.Execute(null);

        // Assert
        Assert.True(settings.Saved);
        await watcher.WaitForAsync(m => m.Topic.EndsWith("/availability", StringComparison.Ordinal) && m.Payload == "online", TimeSpan.FromSeconds(10), "availability");
        await WaitConnectedAsync(fixture.Publisher);
    }

    [Fact]
    public async Task ServeMqtt_NotABrokerUrl_OneLineExit2_PasswordNotEchoed()
    {
        var (code, stdout, stderr) = await NightLegProcess.RunAsync(["serve", "--db", Path.Combine(_dir, "n.db"), "--mqtt", "http://ha:secret-pw@homeassistant.local"]);

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.StartsWith("nightleg: --mqtt: \"http://ha:***@homeassistant.local\" is not a broker URL such as mqtt://user@homeassistant.local:1883", stderr.Trim());
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.DoesNotContain("secret-pw", stderr);
        Assert.False(File.Exists(Path.Combine(_dir, "n.db")));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Wild(string topic)
    {
        var parts = topic.Split('/');
        parts[2] = "*";
        return string.Join('/', parts);
    }

    private static async Task<long> SecondsStoredAsync(HttpClient http)
    {
        using var json = JsonDocument.Parse(await http.GetStringAsync("/health"));
        return json.RootElement.GetProperty("secondsStored").GetInt64();
    }

    private static async Task WaitConnectedAsync(HomeAssistantPublisher publisher) =>
        Assert.True(await Eventually.HoldsAsync(() => publisher.Status.State == HomeAssistantState.Connected, TimeSpan.FromSeconds(15)), $"not connected: {publisher.Status}");

    /// <summary>A night session, journal and publisher over a real LiteDB file, running.</summary>
    private sealed class Fixture : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private Task _consumer = Task.CompletedTask;

        private Fixture(NightLegDatabase database)
        {
            Database = database;
        }

        public NightLegDatabase Database { get; }

        public required CrampJournal Journal { get; init; }

        public required NightSession Session { get; init; }

        public required IntegrationSettingsStore Store { get; init; }

        public required HomeAssistantPublisher Publisher { get; init; }

        public required ListLogger<HomeAssistantPublisher> Log { get; init; }

        public static async Task<Fixture> StartAsync(string dir, MqttBroker? broker)
        {
            var database = NightLegDatabase.Open(new DatabaseOptions(Path.Combine(dir, "inproc.db")), TimeProvider.System);
            var built = new NightSessionBuilder(TimeProvider.System).On(database).With(new SyncOptions { BatchSeconds = 5 }).LoggingTo(new ListLogger<NightSession>());
            var session = built.Build();
            var journal = built.Journal;
            var store = new IntegrationSettingsStore(database, broker);
            store.Save(store.Get() with { AppUrl = "http://nightleg.example:5180/" });
            var log = new ListLogger<HomeAssistantPublisher>();
            var publisher = new HomeAssistantPublisher(store, session, journal, TimeProvider.System, log);
            var fixture = new Fixture(database) { Journal = journal, Session = session, Store = store, Publisher = publisher, Log = log };
            fixture._consumer = session.RunAsync(fixture._stop.Token);
            await publisher.StartAsync(CancellationToken.None);
            return fixture;
        }

        public async ValueTask DisposeAsync()
        {
            await Publisher.StopAsync(CancellationToken.None);
            Publisher.Dispose();
            await _stop.CancelAsync();
            await _consumer;
            await Session.DisposeAsync();
            Database.Dispose();
            _stop.Dispose();
        }
    }
}
