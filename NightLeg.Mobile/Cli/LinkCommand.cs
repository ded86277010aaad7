using System.CommandLine;
using System.Net.Sockets;
using NightLeg.Mobile.Web;

namespace NightLeg.Mobile.Cli;

/// <summary>
/// <c>nightleg link</c>: asks the running NightLeg, through its owner-only control socket, for a link
/// that lets one browser in (with <c>--lan</c>: the address and the access code). For a NightLeg run
/// as a service, whose start-up lines went to the journal.
/// </summary>
public static class LinkCommand
{
    public static Command Create()
    {
        var db = DatabaseOption.Create("The database the running NightLeg uses (default: the one `nightleg serve` uses).");
        var command = new Command("link", "Print a link that lets a browser into the running NightLeg (one browser per link).") { db };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var databasePath = DatabaseOption.PathOf(parse, db);
            var socket = ControlSocket.PathFor(databasePath);
            if (socket is null || !File.Exists(socket))
            {
                throw new CliFailure($"no NightLeg is running on {databasePath} (start it with: nightleg serve{(parse.GetValue(db) is null ? string.Empty : $" --db {databasePath}")})");
            }

            try
            {
                var (succeeded, answer) = await ControlSocket.RequestLinkAsync(socket, cancellationToken);
                if (!succeeded)
                {
                    throw new CliFailure($"the NightLeg using {databasePath} has no link to give ({answer}); is it an older version?");
                }

                await parse.InvocationConfiguration.Output.WriteLineAsync(answer);
                return 0;
            }
            catch (Exception e) when (e is HttpRequestException or SocketException or IOException)
            {
                throw new CliFailure($"no NightLeg answers on {socket} (it may have stopped): {e.Message}", 1, e);
            }
        });
        return command;
    }
}
