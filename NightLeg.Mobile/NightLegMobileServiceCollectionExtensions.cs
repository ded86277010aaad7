using NightLeg.Mobile.Services;
using NightLeg.Mobile.ViewModels;
using NightLeg.Sync.Live;
using NightLeg.Sync.Storage;

namespace NightLeg.Mobile;

/// <summary>The one DI extension of the app: the live night for the UI and the view models.</summary>
public static class NightLegMobileServiceCollectionExtensions
{
    public static IServiceCollection AddNightLegMobile(this IServiceCollection services)
    {
        services.AddSingleton<ILiveNight>(sp => new SessionLiveNight(sp.GetRequiredService<NightSession>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<SampleHistoryView>();
        services.AddTransient<TonightViewModel>();
        services.AddTransient<CrampPromptViewModel>();
        services.AddTransient<MorningReviewViewModel>();
        services.AddTransient<HistoryViewModel>();
        services.AddTransient<NightDetailViewModel>();
        services.AddTransient<DiaryImportViewModel>();
        services.AddTransient<DevicesViewModel>();
        services.AddTransient<CheckInViewModel>();
        services.AddTransient<ReportViewModel>();
        services.AddTransient(sp => new SettingsViewModel(
            sp.GetRequiredService<NightLeg.Domain.Storage.ISettingsRepository>(),
            sp.GetRequiredService<NightLeg.Domain.Storage.IDeviceRepository>(),
            sp.GetRequiredService<NightLegDatabase>().Path ?? "(memory)",
            sp.GetService<AccessTokens>(),
            sp.GetRequiredService<NightLeg.Domain.Storage.ISleeperProfileRepository>()));
        services.AddTransient(sp => new IntegrationsViewModel(
            sp.GetRequiredService<NightLeg.Sync.Integrations.IntegrationSettingsStore>(),
            sp.GetService<NightLeg.Sync.Integrations.HomeAssistantPublisher>()));
        return services;
    }
}
