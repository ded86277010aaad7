using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NightLeg.Domain.Cramps;
using NightLeg.Domain.Detection;
using NightLeg.Domain.Diary;
using NightLeg.Domain.Guidance;
using NightLeg.Domain.History;
using NightLeg.Domain.Insights;
using NightLeg.Domain.Nights;
using NightLeg.Domain.Storage;
using NightLeg.Sync.Ble;
using NightLeg.Sync.Ble.BlueZ;
using NightLeg.Sync.Ble.Relay;
using NightLeg.Sync.Ble.Simulated;
using NightLeg.Sync.Capture;
using NightLeg.Sync.Devices;
using NightLeg.Sync.Export;
using NightLeg.Sync.Integrations;
using NightLeg.Sync.Live;
using NightLeg.Sync.Simulation;
using NightLeg.Sync.Storage;

namespace NightLeg.Sync;

/// <summary>
/// Composition, one method per concern; <c>serve</c> uses all of them, every other command the ones it
/// needs (storage and the domain). Each expects a <see cref="TimeProvider"/> registered by the composition root.
/// </summary>
public static class NightLegSyncServiceCollectionExtensions
{
    /// <summary>
    /// Storage: the open database (opened before any host, so a second NightLeg is refused at once), its
    /// repositories, the user's night calendar (the one time-zone rule: <see cref="NightCalendar.ForUser"/>),
    /// access tokens, export and import, and — when a host runs and the database is a file — the daily backup.
    /// </summary>
    public static IServiceCollection AddNightLegStorage(this IServiceCollection services, NightLegDatabase database)
    {
        services.AddSingleton(database);
        services.AddSingleton<INightRepository, LiteDbNightRepository>();
        services.AddSingleton<IEpochRepository, LiteDbEpochRepository>();
        services.AddSingleton<ICrampEventRepository, LiteDbCrampEventRepository>();
        services.AddSingleton<IDeviceRepository, LiteDbDeviceRepository>();
        services.AddSingleton<ISettingsRepository, LiteDbSettingsRepository>();
        services.AddSingleton<ISleeperProfileRepository, LiteDbSleeperProfileRepository>();
        services.AddSingleton<IDiaryRepository, LiteDbDiaryRepository>();
        services.AddSingleton(sp => NightCalendar.ForUser(sp.GetRequiredService<ISettingsRepository>().Get()));
        services.AddSingleton(sp => new AccessTokens(database, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<NightLegExport>();
        services.AddSingleton<NightLegImport>();
        if (database.Path is not null)
        {
            services.AddSingleton<AutomaticBackups>();
            services.AddHostedService(sp => sp.GetRequiredService<AutomaticBackups>());
        }

        return services;
    }

    /// <summary>The domain over storage: the cramp and diary journals, the morning's reviewer, history and insights.</summary>
    public static IServiceCollection AddNightLegDomain(this IServiceCollection services)
    {
        services.AddSingleton(sp => new CrampJournal(sp.GetRequiredService<ICrampEventRepository>(), sp.GetRequiredService<INightRepository>(),
            sp.GetRequiredService<NightCalendar>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ISleeperProfileRepository>()));
        services.AddSingleton<DiaryJournal>();
        services.AddSingleton<AwakeningReviewer>();
        services.AddSingleton<HistoryService>();
        services.AddSingleton<InsightsService>();
        return services;
    }

    /// <summary>Recording a night: the device families, the BLE adapter (demo, Bluetooth or the phone's relay), the night session and the night sync service.</summary>
    public static IServiceCollection AddNightLegRecording(this IServiceCollection services, RecordingSettings settings)
    {
        settings.Sync.Validate();
        services.AddSingleton(settings);
        services.AddSingleton(settings.Sync);
        services.AddSingleton(DeviceFamilies.Default);
        services.AddSingleton<BrowserRelay>();
        services.AddSingleton<IBleAdapter>(sp =>
        {
            var time = sp.GetRequiredService<TimeProvider>();
            var demo = settings.Demo;
            return new DemoOrBluetoothAdapter(
                new BlueZAdapter(BlueZAdapter.SystemBusAddress, time, logger: sp.GetRequiredService<ILogger<BlueZAdapter>>()),
                new Lazy<SimulatedWearableAdapter>(() => new SimulatedWearableAdapter(DemoNight(time.GetUtcNow()), time, demo.Speed, demo.Faults)),
                sp.GetRequiredService<BrowserRelay>());
        });
        services.AddSingleton(sp =>
        {
            var calendar = sp.GetRequiredService<NightCalendar>();
            var capture = settings.RecordPath is { } path ? CaptureWriter.Create(path, CaptureHeader.Create("live", calendar.ZoneId)) : null;
            var sensitivity = sp.GetRequiredService<ISettingsRepository>().Get().Sensitivity;
            return new NightSession(calendar, DetectorThresholds.For(sensitivity), sp.GetRequiredService<INightRepository>(),
                sp.GetRequiredService<IEpochRepository>(), sp.GetRequiredService<CrampJournal>(), settings.Sync, capture, sp.GetRequiredService<ILogger<NightSession>>(),
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ISleeperProfileRepository>(), sp.GetRequiredService<NightLegDatabase>(),
                sp.GetRequiredService<DeviceFamilies>());
        });
        services.AddSingleton<NightSyncService>();
        services.AddHostedService(sp => sp.GetRequiredService<NightSyncService>());
        return services;
    }

    /// <summary>
    /// The self-hosted house: Home Assistant over MQTT and push through ntfy/Gotify (both off until set).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="broker">The MQTT broker given on the command line, if any (it wins over the stored one).</param>
    /// <param name="appUrl">Where a notification's link opens NightLeg when the user has not set it (known once NightLeg listens).</param>
    /// <param name="promptText">The prompt's question in a language: the push says what the screen says.</param>
    public static IServiceCollection AddNightLegIntegrations(this IServiceCollection services, MqttBroker? broker, Func<IServiceProvider, string?> appUrl, Func<Language, string> promptText)
    {
        services.AddSingleton(sp => new IntegrationSettingsStore(sp.GetRequiredService<NightLegDatabase>(), broker, () => appUrl(sp)));
        services.AddSingleton<HomeAssistantPublisher>();
        services.AddHostedService(sp => sp.GetRequiredService<HomeAssistantPublisher>());
        // One client for the life of the process; its connections are renewed so a changed address is followed.
        services.AddSingleton(sp => new PushNotifier(sp.GetRequiredService<IntegrationSettingsStore>(), sp.GetRequiredService<ISettingsRepository>(),
            sp.GetRequiredService<NightSession>(),
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(10) },
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<PushNotifier>>(), promptText));
        return services;
    }

    /// <summary>
    /// The demo's night: a Polar H10 on a real hypnogram with one cramp, starting now. Seed 38 puts
    /// a 3.8-minute cramp (the sleeper sits up and stands) 37 minutes into the night, out of settled
    /// sleep, so at 10× the prompt comes about four minutes after start, and — with sound switched
    /// on — sounds some nine seconds later, when distress is plain (a minute and a half of the night).
    /// </summary>
    public static SimulationOptions DemoNight(DateTimeOffset start) =>
        SimulationOptions.ForSeed(DemoSeed, DeviceFamilies.Default.Simulate("polar-h10"), 1) with { Start = start };

    /// <summary>The demo night's seed.</summary>
    public const int DemoSeed = 38;
}
