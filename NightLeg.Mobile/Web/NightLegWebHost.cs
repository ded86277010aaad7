using System.Net;
using System.Net.Sockets;
using System.Reflection;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using NightLeg.Domain.Storage;
using NightLeg.Mobile.Cli;
using NightLeg.Mobile.Components;
using NightLeg.Mobile.Hosting;
using NightLeg.Mobile.Web.Tls;
using NightLeg.Sync;
using NightLeg.Sync.Ble.Simulated;
using NightLeg.Sync.Integrations;
using NightLeg.Sync.Live;
using NightLeg.Sync.Storage;

namespace NightLeg.Mobile.Web;

/// <summary>Builds the one web host that serves the app and runs the night sync service.</summary>
public static class NightLegWebHost
{
    public static WebApplication Build(ServeSettings settings, NightLegDatabase database, TextWriter console, TimeProvider time)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
        });
        var urls = settings.Urls;
        if (database.Path is { } dbPath)
        {
            var (socket, problem) = ControlSocket.Prepare(dbPath);
            if (socket is not null)
            {
                urls += $";http://unix:{socket}";
            }
            else if (problem is not null)
            {
                Console.Error.WriteLine($"nightleg: warning: {problem}");
            }
        }

        builder.WebHost.UseUrls(urls);
        builder.WebHost.UseStaticWebAssets();
        var certificates = settings.UsesHttps ? Certificates(settings, database, time) : null;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = 1 << 20;
            if (certificates is not null)
            {
                kestrel.ConfigureHttpsDefaults(https => https.ServerCertificateSelector = (_, _) => certificates.Current);
            }
        });
        if (certificates is not null)
        {
            builder.Services.AddSingleton(certificates);
        }

        builder.Services.AddSingleton(sp => new ServedAddresses(sp.GetRequiredService<IServer>(), sp.GetRequiredService<IHostApplicationLifetime>(), settings.Lan));
        builder.Services.AddSingleton(sp => new PhoneSetup(certificates, sp.GetRequiredService<ServedAddresses>()));

        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        if (!settings.Verbose)
        {
            // A failed start (port in use) is reported as one line by the command; the host's own report is a stack trace.
            builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
            builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        }

        // Keys for antiforgery and the Blazor circuit: in the data folder, owner-only. The files are
        // protected by the folder's permissions (0700), as the rest of the health data is, not
        // encrypted with a key that would have to sit beside them; ASP.NET's warning says the latter.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error);
        var keys = builder.Services.AddDataProtection().SetApplicationName("NightLeg");
        // A browser keeps cookies per host, not per port: two NightLegs on one machine (each with its own database and
        // keys) would read each other's antiforgery cookie and log a failed decryption. Each names its own.
        builder.Services.AddAntiforgery(o => o.Cookie.Name = ".NightLeg.Antiforgery." + NightLeg.Sync.Storage.AccessTokens.OwnerOf(database.Path));
        if (database.Path is { } path)
        {
            var folder = Path.Combine(Path.GetDirectoryName(path)!, "keys");
            OwnerOnly.CreateDirectory(folder);
            OwnerOnly.Restrict(folder);
            keys.PersistKeysToFileSystem(new DirectoryInfo(folder));
        }

        builder.Services.AddSingleton(time);
        builder.Services.AddNightLegStorage(database).AddNightLegDomain()
            .AddNightLegRecording(new RecordingSettings(new SyncOptions(), new DemoSettings(settings.Speed, FaultPlan.None), settings.RecordPath));
        builder.Services.AddNightLegIntegrations(settings.Mqtt, sp => sp.GetRequiredService<ServedAddresses>().PhoneUrl, language => new NightLeg.Mobile.Localization.Strings(language)["prompt.question"]);
        builder.Services.AddNightLegMobile();
        AddHosting(builder.Services);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents(o =>
        {
            // A page whose connection dropped (the phone locked) is kept a minute for it to come back;
            // after that it reloads itself (Blazor does, when its circuit is gone), which costs nothing
            // here: everything the page shows is in the database. Fewer kept circuits, less memory.
            o.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(1);
            o.DisconnectedCircuitMaxRetained = 20;
        });
        builder.Services.AddSingleton<MemoryTrim>();
        builder.Services.AddSingleton<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler>(sp => sp.GetRequiredService<MemoryTrim>());
        var ownNames = certificates is { Authority: null } own
            ? own.Current.Extensions.OfType<System.Security.Cryptography.X509Certificates.X509SubjectAlternativeNameExtension>().SelectMany(e => e.EnumerateDnsNames()).ToList()
            : null;
        builder.Services.AddSingleton(sp => new HostAllowList(settings.Lan, sp.GetRequiredService<TimeProvider>(), ownNames));
        if (settings.Lan)
        {
            builder.Services.AddSingleton(sp => new LanAccess(sp.GetRequiredService<AccessTokens>(), sp.GetRequiredService<TimeProvider>(), console,
                sp.GetRequiredService<ILogger<LanAccess>>()));
            LanAccess.AddAccessCodeRateLimit(builder.Services);
        }
        else
        {
            builder.Services.AddSingleton(sp => new LocalAccess(sp.GetRequiredService<AccessTokens>(), sp.GetRequiredService<TimeProvider>(), console,
                sp.GetRequiredService<ILogger<LocalAccess>>(), () => sp.GetRequiredService<ServedAddresses>().Own));
        }

        var app = builder.Build();
        if (settings.Demo)
        {
            PairDemo(app.Services);
        }

        // Subscribed to the night from the start, not on first use.
        app.Services.GetRequiredService<PushNotifier>();

        app.Use(ShutdownGate.InvokeAsync);
        app.Use(app.Services.GetRequiredService<HostAllowList>().InvokeAsync);
        app.Use(ControlSocket.InvokeAsync);
        if (settings.Lan)
        {
            app.UseRateLimiter();
            app.Use(app.Services.GetRequiredService<LanAccess>().InvokeAsync);
        }
        else
        {
            app.Use(app.Services.GetRequiredService<LocalAccess>().InvokeAsync);
        }

        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapGet("/health", (NightSession session, NightLegDatabase db) =>
        {
            var s = session.Status;
            var problem = s.Storage?.Problem ?? db.Health.Problem;
            return Results.Json(new HealthReport(problem is null ? "ok" : "degraded", problem, Version, s.Connection.ToString(), s.Night?.ToString(), s.LastDataAt,
                s.SecondsStored, s.Storage?.SecondsWaiting ?? 0, s.Sleep.ToString()));
        });
        app.MapExport();
        app.MapOfflinePage();
        app.MapRelay();
        app.MapGet(CaPath, (HttpContext context) =>
        {
            // Public: what a phone installs to trust NightLeg's HTTPS (the key never leaves the data folder).
            if (certificates?.Authority is not { } authority)
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "no-store";
            return Results.File(File.ReadAllBytes(authority.CertificatePath), "application/x-x509-ca-cert", LocalCertificateAuthority.CertificateFileName);
        });
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    /// <summary>Where the local CA's certificate is served, without the access code.</summary>
    public const string CaPath = "/ca.crt";

    /// <summary>HTTPS: the user's own certificate, else NightLeg's local CA beside the database (made on first use).</summary>
    private static ServerCertificates Certificates(ServeSettings settings, NightLegDatabase database, TimeProvider time)
    {
        if (settings.CertificatePath is { } cert && settings.KeyPath is { } key)
        {
            return new ServerCertificates(ServerCertificates.LoadOwn(cert, key), time);
        }

        var folder = Path.GetDirectoryName(database.Path ?? throw new InvalidOperationException("HTTPS needs a database file"))!;
        return new ServerCertificates(LocalCertificateAuthority.LoadOrCreate(folder, time, MachineAddresses.HostName), time);
    }

    /// <summary>Running as a systemd service: readiness, journal logging and the watchdog (which flushes the night first).</summary>
    private static void AddHosting(IServiceCollection services)
    {
        services.AddSystemd();
        services.AddHostedService(sp =>
        {
            var session = sp.GetRequiredService<NightSession>();
            return SystemdWatchdog.FromEnvironment(Environment.GetEnvironmentVariable, session.FlushAsync, sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<SystemdWatchdog>>());
        });
    }

    /// <summary>After start: the control socket, if any, made owner-only (it lets one back up the database).</summary>
    public static void RestrictControlSocket(NightLegDatabase database)
    {
        if (database.Path is { } path && ControlSocket.PathFor(path) is { } socket && File.Exists(socket) && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(socket, OwnerOnly.FileMode);
        }
    }

    /// <summary>True for an address bound to all interfaces (0.0.0.0 or [::]).</summary>
    public static bool IsWildcard(string address) => address.Contains("0.0.0.0", StringComparison.Ordinal) || address.Contains("[::]", StringComparison.Ordinal);

    /// <summary>For an address bound to all interfaces, the URLs a phone on the local network can use.</summary>
    public static IEnumerable<string> LanUrls(string address)
    {
        if (!IsWildcard(address) ||
            !Uri.TryCreate(address.Replace("0.0.0.0", "localhost", StringComparison.Ordinal).Replace("[::]", "localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            yield break;
        }

        foreach (var ip in MachineAddresses.Up().Where(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a)))
        {
            yield return $"{uri.Scheme}://{ip}:{uri.Port}";
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

    private sealed record HealthReport(string Status, string? Problem, string Version, string Connection, string? Night, DateTimeOffset? LastDataAt,
        long SecondsStored, int SecondsWaiting, string Sleep);
}
