using System.CommandLine;
using NightLeg.Mobile.Web;
using Microsoft.Extensions.DependencyInjection;
using NightLeg.Sync.Capture;
using NightLeg.Sync.Files;
using NightLeg.Sync.Integrations;
using NightLeg.Mobile.Web.Tls;
using NightLeg.Sync.Storage;

namespace NightLeg.Mobile.Cli;

/// <summary><c>nightleg serve</c>: the web app and the night recording in one process.</summary>
public static class ServeCommand
{
    /// <summary>Loopback only: health data stays on this machine unless the user asks otherwise.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5180";

    /// <summary>With <c>--lan</c>: every interface, so a phone on the same network can reach it — over HTTPS.</summary>
    public const string LanUrls = "https://0.0.0.0:5180";

    /// <summary>With <c>--lan --insecure-http</c>.</summary>
    public const string InsecureLanUrls = "http://0.0.0.0:5180";

    public static Command Create(TimeProvider time)
    {
        var command = new Command("serve", "Run the app: the web UI and the night recording (the default command).");
        AttachTo(command, time);
        return command;
    }

    /// <summary>Adds the serve options and action to <paramref name="command"/>.</summary>
    public static void AttachTo(Command command, TimeProvider time)
    {
        var urls = UrlsOption($"Where the web app listens (default {DefaultUrls}; with --lan, {LanUrls}).");
        var lan = new Option<bool>("--lan") { Description = "Listen on the local network (for a phone), behind a one-time access code printed here." };
        var db = new Option<FileInfo?>("--db") { Description = "The database file (default $XDG_DATA_HOME/nightleg/nightleg.db, else ~/.local/share/nightleg/nightleg.db)." };
        var demo = new Option<bool>("--demo") { Description = "Pair and play the demo wearable: a synthetic night with a cramp (no Bluetooth needed)." };
        var speed = new Option<double>("--speed")
        {
            Description = $"Demo playback speed, × real time (default {ServeSettings.DefaultSpeed}: the cramp prompt appears after about four minutes).",
            DefaultValueFactory = _ => ServeSettings.DefaultSpeed,
        }.Between(0, 100_000, "the demo's speed in times real time");
        var record = new Option<FileInfo?>("--record") { Description = "Also write the live notification stream to this capture file (a file that is not a capture is never overwritten)." };
        var mqtt = new Option<string?>("--mqtt")
        {
            Description = $"Tell Home Assistant through this MQTT broker: mqtt://[user@]host[:port] (the password in ${MqttBroker.PasswordVariable}, or set it all in Settings).",
        };
        mqtt.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value)
            {
                try
                {
                    MqttBroker.Parse(value);
                }
                catch (FormatException e)
                {
                    result.AddError($"--mqtt: {e.Message}");
                }
            }
        });
        command.Options.Add(urls);
        command.Options.Add(db);
        command.Options.Add(demo);
        command.Options.Add(speed);
        command.Options.Add(record);
        command.Options.Add(lan);
        command.Options.Add(mqtt);
        var cert = new Option<FileInfo?>("--cert") { Description = "Your own HTTPS certificate (PEM, e.g. from your router or VPN) instead of NightLeg's local certificate authority; with --key." };
        var key = new Option<FileInfo?>("--key") { Description = "The key of --cert (PEM)." };
        var insecure = new Option<bool>("--insecure-http")
        {
            Description = "With --lan: plain HTTP instead of HTTPS. Anyone on the network can read what passes, and phones then refuse Bluetooth, the wake lock and installing the app.",
        };
        command.Options.Add(cert);
        command.Options.Add(key);
        command.Options.Add(insecure);
        command.Validators.Add(result =>
        {
            var lanOn = result.GetValue(lan);
            var insecureOn = result.GetValue(insecure);
            if (result.GetValue(cert) is null != result.GetValue(key) is null)
            {
                result.AddError("--cert and --key go together: the certificate and its key");
            }
            else if (insecureOn && !lanOn)
            {
                result.AddError("--insecure-http only applies with --lan (on this machine alone NightLeg uses plain HTTP on 127.0.0.1 anyway)");
            }
            else if (insecureOn && result.GetValue(cert) is not null)
            {
                result.AddError("--insecure-http and --cert contradict each other: choose one");
            }
            else if (lanOn && !insecureOn && result.GetValue(urls) is { } given &&
                     given.Split(';', StringSplitOptions.TrimEntries).FirstOrDefault(u => u.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) is { } plain)
            {
                result.AddError($"--lan serves HTTPS only, and --urls has {plain}: use https://, or add --insecure-http to give up encryption knowingly");
            }
        });

        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new ServeSettings(
                parse.GetValue(urls) ?? (parse.GetValue(lan) ? (parse.GetValue(insecure) ? InsecureLanUrls : LanUrls) : DefaultUrls),
                parse.GetValue(db)?.FullName ?? DatabaseOptions.DefaultPath(Environment.GetEnvironmentVariable),
                parse.GetValue(demo),
                parse.GetValue(speed),
                parse.GetValue(record)?.FullName,
                parse.GetValue(lan),
                parse.GetValue<bool>(NightLegCommandLine.VerboseName),
                parse.GetValue(mqtt) is { } broker ? MqttBroker.Parse(broker, Environment.GetEnvironmentVariable(MqttBroker.PasswordVariable)) : null,
                parse.GetValue(cert)?.FullName,
                parse.GetValue(key)?.FullName,
                parse.GetValue(insecure));
            return await RunAsync(settings, parse.InvocationConfiguration.Output, time, cancellationToken);
        });
    }

    /// <summary>The <c>--urls</c> option (serve, install-service): each URL checked before anything starts.</summary>
    public static Option<string?> UrlsOption(string description)
    {
        var urls = new Option<string?>("--urls") { Description = description };
        urls.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && InvalidUrl(value) is { } bad)
            {
                result.AddError($"--urls: \"{bad}\" is not a URL to listen on, such as {DefaultUrls} (several are separated by ;)");
            }
        });
        return urls;
    }

    /// <summary>The first of the semicolon-separated <paramref name="urls"/> that Kestrel could not listen on, or null.</summary>
    public static string? InvalidUrl(string urls)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.TrimEntries))
        {
            var ok = Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
                     && uri.Scheme is "http" or "https" && uri.Host.Length > 0 && uri.AbsolutePath == "/";
            if (!ok)
            {
                return url;
            }
        }

        return null;
    }

    private static async Task<int> RunAsync(ServeSettings settings, TextWriter output, TimeProvider time, CancellationToken cancellationToken)
    {
        if (settings.RecordPath is { } record)
        {
            OutputFile.Check(record, "capture", s => OutputFile.StartsWith(s, CaptureHeader.MagicLine));
        }

        // A start that fails (the port is taken) must leave nothing behind: a port taken is seen before anything
        // is made, and whatever this start made beside the database is removed if it fails later anyway.
        if (PortInUse(settings.Urls) is { } taken)
        {
            throw new CliFailure($"Failed to bind to address {taken}: address already in use — is another program (or NightLeg) listening there? Choose another with --urls");
        }

        var made = StartLeftovers.Before(settings.DatabasePath);
        var started = false;
        try
        {
            using var database = NightLegDatabase.Open(new DatabaseOptions(settings.DatabasePath, DatabaseOptions.PasswordFrom(Environment.GetEnvironmentVariable)), time);
            await using var app = NightLegWebHost.Build(settings, database, output, time);
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (IOException e)
            {
                // Kestrel: "Failed to bind to address http://127.0.0.1:5180: address already in use."
                throw new CliFailure($"{e.Message.TrimEnd('.')} — is another program (or NightLeg) listening there? Choose another with --urls", 1, e);
            }

            started = true;
            return await RunStartedAsync(settings, database, app, output, cancellationToken);
        }
        finally
        {
            if (!started)
            {
                made.RemoveWhatWasMade();
            }
        }
    }

    /// <summary>The first http(s) URL of <paramref name="urls"/> with a fixed port on this machine that something already listens on, or null.</summary>
    private static string? PortInUse(string urls)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri) ||
                uri.Port == 0 || !System.Net.IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && uri.Host != "localhost")
            {
                continue;
            }

            try
            {
                var listener = new System.Net.Sockets.TcpListener(uri.Host == "localhost" ? System.Net.IPAddress.Loopback : address!, uri.Port);
                listener.Start();
                listener.Stop();
            }
            catch (System.Net.Sockets.SocketException e) when (e.SocketErrorCode == System.Net.Sockets.SocketError.AddressAlreadyInUse)
            {
                return url;
            }
            catch (System.Net.Sockets.SocketException)
            {
                // Not ours to judge here (an address not on this machine, say): Kestrel will say.
            }
        }

        return null;
    }

    private static async Task<int> RunStartedAsync(ServeSettings settings, NightLegDatabase database, WebApplication app, TextWriter output, CancellationToken cancellationToken)
    {
        NightLegWebHost.RestrictControlSocket(database);
        var served = app.Services.GetRequiredService<ServedAddresses>();
        foreach (var address in served.Listening)
        {
            await output.WriteLineAsync($"NightLeg is listening on {address}");
            foreach (var lanUrl in NightLegWebHost.LanUrls(address))
            {
                await output.WriteLineAsync($"On your phone (same network): {lanUrl}");
            }
        }

        // Where a phone opens NightLeg (the setup panel shows it, notifications link to it): the first LAN address, else the first specific one.
        var phoneUrl = served.PhoneUrl;
        var phone = app.Services.GetRequiredService<PhoneSetup>();

        if (settings.Lan && settings.InsecureHttp)
        {
            await output.WriteLineAsync("WARNING: --insecure-http: plain HTTP on the local network. Anyone on it can read your heart rate, your cramps and the access code");
            await output.WriteLineAsync("         as they pass, and the phone refuses its Bluetooth, the screen wake lock, notifications and installing the app.");
        }

        if (settings.Lan && phoneUrl is not null)
        {
            await output.WriteLineAsync("Scan with the phone's camera:");
            await output.WriteLineAsync(PhoneSetup.TerminalQr(phoneUrl).TrimEnd('\n'));
            if (phone.HasAuthority)
            {
                await output.WriteLineAsync($"First time on a phone, trust NightLeg's certificate once: open {phone.CertificateUrl}");
                await output.WriteLineAsync("  Android: Settings › Security and privacy › More security settings › Install from device storage › CA certificate › nightleg-ca.crt");
                await output.WriteLineAsync("  iPhone:  Settings › General › VPN & Device Management › NightLeg local CA › Install;");
                await output.WriteLineAsync("           then Settings › General › About › Certificate Trust Settings › turn on NightLeg local CA");
                await output.WriteLineAsync($"Its SHA-256 fingerprint: {phone.Fingerprint}");
            }
        }

        if (app.Services.GetService<LocalAccess>() is { } local && served.Own is not null)
        {
            await output.WriteLineAsync($"Open NightLeg (this link lets one browser in; another: nightleg link): {local.Link}");
        }

        if (settings.Lan)
        {
            await output.WriteLineAsync($"Access code: {app.Services.GetRequiredService<LanAccess>().Code} (enter it once in each browser; it changes every {LanAccess.CodeLifetime.TotalMinutes:0} minutes)");
        }

        if (settings.Mqtt is { } mqttBroker)
        {
            await output.WriteLineAsync($"Home Assistant: MQTT broker {mqttBroker}");
        }

        await output.WriteLineAsync($"Database: {database.Path}{(settings.Demo ? $"; demo wearable at {settings.Speed:0.##}× real time" : string.Empty)}");
        await output.FlushAsync(cancellationToken);
        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }
}
