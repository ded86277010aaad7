using System.CommandLine;
using NightLeg.Mobile.Web;

namespace NightLeg.Mobile.Cli;

/// <summary><c>nightleg serve</c>: the web app and the background services in one process.</summary>
public static class ServeCommand
{
    /// <summary>Loopback only: health data stays on this machine unless the user asks otherwise.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5180";

    public static Command Create()
    {
        var command = new Command("serve", "Run the app: the web UI and the night recording (the default command).");
        AttachTo(command);
        return command;
    }

    /// <summary>Adds the serve options and action to <paramref name="command"/>.</summary>
    public static void AttachTo(Command command)
    {
        var urls = new Option<string>("--urls")
        {
            Description = $"Where the web app listens (default {DefaultUrls}; loopback only unless you ask otherwise).",
            DefaultValueFactory = _ => DefaultUrls,
        };
        command.Options.Add(urls);

        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new ServeSettings(parse.GetValue(urls) ?? DefaultUrls);
            return await RunAsync(settings, parse.InvocationConfiguration.Output, cancellationToken);
        });
    }

    private static async Task<int> RunAsync(ServeSettings settings, TextWriter output, CancellationToken cancellationToken)
    {
        await using var app = NightLegWebHost.Build(settings);
        await app.StartAsync(cancellationToken);
        foreach (var address in NightLegWebHost.ListeningAddresses(app))
        {
            await output.WriteLineAsync($"NightLeg is listening on {address}");
        }

        await output.FlushAsync(cancellationToken);
        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }
}
