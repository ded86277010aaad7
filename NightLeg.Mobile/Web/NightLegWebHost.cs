using System.Reflection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using NightLeg.Domain.Storage;
using NightLeg.Mobile.Cli;
using NightLeg.Sync;
using NightLeg.Sync.Ble.Simulated;
using NightLeg.Sync.Live;
using NightLeg.Sync.Storage;

namespace NightLeg.Mobile.Web;

/// <summary>Builds the one web host that serves the app and runs the night sync service.</summary>
public static class NightLegWebHost
{
    public static WebApplication Build(ServeSettings settings, NightLegDatabase database)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls(settings.Urls);
        builder.Services.AddSingleton(TimeProvider.System);
        var timeZone = new LiteDbSettingsRepository(database).Get().TimeZoneId ?? LocalTimeZoneId();
        builder.Services.AddNightLegSync(new NightLegSyncSettings(
            database,
            timeZone,
            new SyncOptions(),
            settings.Demo ? new DemoSettings(settings.Speed, FaultPlan.None) : null,
            settings.RecordPath));

        var app = builder.Build();
        if (settings.Demo)
        {
            PairDemo(app.Services);
        }

        app.MapGet("/health", (NightSession session) =>
        {
            var s = session.Status;
            return Results.Json(new HealthReport("ok", Version, s.Connection.ToString(), s.Night?.ToString(), s.LastDataAt, s.SecondsStored, s.Sleep.ToString()));
        });
        app.MapGet("/", () => Results.Content(LandingPage.Html, "text/html; charset=utf-8"));
        return app;
    }

    /// <summary>The addresses Kestrel actually bound (port 0 resolved to the real port).</summary>
    public static IReadOnlyList<string> ListeningAddresses(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList()
        ?? [];

    private static void PairDemo(IServiceProvider services)
    {
        var devices = services.GetRequiredService<IDeviceRepository>();
        if (devices.GetPaired()?.Id != SimulatedWearableAdapter.DeviceId)
        {
            devices.SavePaired(new PairedDevice(SimulatedWearableAdapter.DeviceId, "NightLeg demo wearable", DeviceKind.Demo, services.GetRequiredService<TimeProvider>().GetUtcNow()));
        }
    }

    private static string LocalTimeZoneId() =>
        TimeZoneInfo.Local.HasIanaId || !TimeZoneInfo.TryConvertWindowsIdToIanaId(TimeZoneInfo.Local.Id, out var iana) ? TimeZoneInfo.Local.Id : iana;

    private static string Version =>
        typeof(NightLegWebHost).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? "unknown";

    private sealed record HealthReport(string Status, string Version, string Connection, string? Night, DateTimeOffset? LastDataAt, long SecondsStored, string Sleep);
}
