using System.Reflection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using NightLeg.Mobile.Cli;

namespace NightLeg.Mobile.Web;

/// <summary>Builds the one web host that serves the app and runs the background services.</summary>
public static class NightLegWebHost
{
    public static WebApplication Build(ServeSettings settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls(settings.Urls);
        builder.Services.AddSingleton(TimeProvider.System);

        var app = builder.Build();
        app.MapGet("/health", () => Results.Json(new HealthReport("ok", Version)));
        app.MapGet("/", () => Results.Content(LandingPage.Html, "text/html; charset=utf-8"));
        return app;
    }

    /// <summary>The addresses Kestrel actually bound (port 0 resolved to the real port).</summary>
    public static IReadOnlyList<string> ListeningAddresses(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList()
        ?? [];

    private static string Version =>
        typeof(NightLegWebHost).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? "unknown";

    private sealed record HealthReport(string Status, string Version);
}
