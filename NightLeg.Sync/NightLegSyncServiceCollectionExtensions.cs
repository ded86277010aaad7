using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NightLeg.Domain.Cramps;
using NightLeg.Domain.Detection;
using NightLeg.Domain.History;
using NightLeg.Domain.Nights;
using NightLeg.Domain.Storage;
using NightLeg.Sync.Ble;
using NightLeg.Sync.Ble.BlueZ;
using NightLeg.Sync.Ble.Simulated;
using NightLeg.Sync.Capture;
using NightLeg.Sync.Devices;
using NightLeg.Sync.Live;
using NightLeg.Sync.Simulation;
using NightLeg.Sync.Storage;

namespace NightLeg.Sync;

/// <summary>The one DI extension of NightLeg.Sync.</summary>
public static class NightLegSyncServiceCollectionExtensions
{
    /// <summary>Storage, the BLE adapter (demo or Bluetooth), the night session and the night sync service.</summary>
    public static IServiceCollection AddNightLegSync(this IServiceCollection services, NightLegSyncSettings settings)
    {
        settings.Sync.Validate();
        services.AddSingleton(settings);
        services.AddSingleton(settings.Database);
        services.AddSingleton(DeviceFamilies.Default);
        services.AddSingleton(settings.Sync);
        services.AddSingleton(_ => NightCalendar.ForZone(settings.TimeZoneId));
        services.AddSingleton<INightRepository, LiteDbNightRepository>();
        services.AddSingleton<IEpochRepository, LiteDbEpochRepository>();
        services.AddSingleton<ICrampEventRepository, LiteDbCrampEventRepository>();
        services.AddSingleton<IDeviceRepository, LiteDbDeviceRepository>();
        services.AddSingleton<ISettingsRepository, LiteDbSettingsRepository>();
        services.AddSingleton<ISleeperProfileRepository, LiteDbSleeperProfileRepository>();
        services.AddSingleton<IDiaryRepository, LiteDbDiaryRepository>();
        services.AddSingleton<NightLeg.Domain.Diary.DiaryJournal>();
        services.AddSingleton<NightLeg.Domain.Insights.InsightsService>();
        services.AddSingleton<CrampJournal>();
        services.AddSingleton<NightLeg.Sync.Export.NightLegExport>();
        services.AddSingleton<AwakeningReviewer>();
        services.AddSingleton<HistoryService>();
        services.AddSingleton<NightLeg.Sync.Ble.Relay.BrowserRelay>();
        services.AddSingleton<IBleAdapter>(sp =>
        {
            var time = sp.GetRequiredService<TimeProvider>();
            var demo = settings.Demo;
            return new DemoOrBluetoothAdapter(
                new BlueZAdapter(BlueZAdapter.SystemBusAddress, time, logger: sp.GetRequiredService<ILogger<BlueZAdapter>>()),
                new Lazy<SimulatedWearableAdapter>(() => new SimulatedWearableAdapter(DemoNight(time.GetUtcNow()), time, demo.Speed, demo.Faults)),
                sp.GetRequiredService<NightLeg.Sync.Ble.Relay.BrowserRelay>());
        });
        services.AddSingleton(sp =>
        {
            var capture = settings.RecordPath is { } path ? CaptureWriter.Create(path, CaptureHeader.Create("live", settings.TimeZoneId)) : null;
            var sensitivity = sp.GetRequiredService<ISettingsRepository>().Get().Sensitivity;
            return new NightSession(sp.GetRequiredService<NightCalendar>(), DetectorThresholds.For(sensitivity), sp.GetRequiredService<INightRepository>(),
                sp.GetRequiredService<IEpochRepository>(), sp.GetRequiredService<CrampJournal>(), settings.Sync, capture, sp.GetRequiredService<ILogger<NightSession>>(),
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ISleeperProfileRepository>(), settings.Database, sp.GetRequiredService<DeviceFamilies>());
        });
        services.AddSingleton<NightSyncService>();
        services.AddHostedService(sp => sp.GetRequiredService<NightSyncService>());
        services.AddSingleton(sp => new AccessTokens(settings.Database, sp.GetRequiredService<TimeProvider>()));
        if (settings.Database.Path is not null)
        {
            services.AddSingleton<AutomaticBackups>();
            services.AddHostedService(sp => sp.GetRequiredService<AutomaticBackups>());
        }
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
