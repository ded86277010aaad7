using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Reflection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using NightLeg.Domain.Storage;
using NightLeg.Mobile.Cli;
using NightLeg.Mobile.Components;
using NightLeg.Sync;
using NightLeg.Sync.Ble.Simulated;
using NightLeg.Sync.Live;
using NightLeg.Sync.Storage;

namespace NightLeg.Mobile.Web;

/// <summary>Builds the one web host that serves the app and runs the night sync service.</summary>
public static class NightLegWebHost
{
    public static WebApplication Build(ServeSettings settings, NightLegDatabase database, TextWriter console)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls(settings.Urls);
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddSingleton(TimeProvider.System);
        var timeZone = new LiteDbSettingsRepository(database).Get().TimeZoneId ?? new NightLeg.Domain.Nights.NightCalendar(TimeZoneInfo.Local).ZoneId;
        builder.Services.AddNightLegSync(new NightLegSyncSettings(database, timeZone, new SyncOptions(), new DemoSettings(settings.Speed, FaultPlan.None), settings.RecordPath));
        builder.Services.AddNightLegMobile();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        if (settings.Lan)
        {
            builder.Services.AddSingleton(sp => new LanAccess(new AccessTokens(database), sp.GetRequiredService<TimeProvider>(), console));
        }

        var app = builder.Build();
        if (settings.Demo)
        {
            PairDemo(app.Services);
        }

        if (settings.Lan)
        {
            var lan = app.Services.GetRequiredService<LanAccess>();
            app.Use(lan.InvokeAsync);
        }

        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapGet("/health", (NightSession session) =>
        {
            var s = session.Status;
            return Results.Json(new HealthReport("ok", Version, s.Connection.ToString(), s.Night?.ToString(), s.LastDataAt, s.SecondsStored, s.Sleep.ToString()));
        });
        app.MapExport();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    /// <summary>The addresses Kestrel actually bound (port 0 resolved to the real port).</summary>
    public static IReadOnlyList<string> ListeningAddresses(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList()
        ?? [];

    /// <summary>For an address bound to all interfaces, the URLs a phone on the local network can use.</summary>
    public static IEnumerable<string> LanUrls(string address)
    {
        if (!Uri.TryCreate(address.Replace("0.0.0.0", "localhost", StringComparison.Ordinal).Replace("[::]", "localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri) ||
            !(address.Contains("0.0.0.0", StringComparison.Ordinal) || address.Contains("[::]", StringComparison.Ordinal)))
        {
            yield break;
        }

        foreach (var ip in NetworkInterface.GetAllNetworkInterfaces()
                     .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
                     .SelectMany(n => n.GetIPProperties().UnicastAddresses)
                     .Where(a => a.Address.AddressFamily == AddressFamily.InterNetwork))
        {
            yield return $"{uri.Scheme}://{ip.Address}:{uri.Port}";
        }
    }

    private static void PairDemo(IServiceProvider services)
    {
        var devices = services.GetRequiredService<IDeviceRepository>();
        if (devices.GetPaired()?.Id != SimulatedWearableAdapter.DeviceId)
        {
            devices.SavePaired(new PairedDevice(SimulatedWearableAdapter.DeviceId, "NightLeg demo wearable", "polar-h10", services.GetRequiredService<TimeProvider>().GetUtcNow(), IsDemo: true));
        }
    }

    private static string Version =>
        typeof(NightLegWebHost).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? "unknown";

    private sealed record HealthReport(string Status, string Version, string Connection, string? Night, DateTimeOffset? LastDataAt, long SecondsStored, string Sleep);
}
