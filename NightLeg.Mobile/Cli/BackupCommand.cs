using System.CommandLine;
using System.Net.Sockets;
using NightLeg.Mobile.Web;
using NightLeg.Sync.Storage;

namespace NightLeg.Mobile.Cli;

/// <summary>
/// <c>nightleg backup --out FILE</c>: a consistent copy of the database (checkpointed, checked), also
/// while NightLeg runs — then the running NightLeg makes it, asked through its control socket.
/// </summary>
public static class BackupCommand
{
    public static Command Create(TimeProvider time)
    {
        var db = DatabaseOption.Create("The database to back up (default: the one `nightleg serve` uses).");
        var output = new Option<FileInfo>("--out") { Description = "The backup file to write (owner-only; a file that is not a NightLeg database is never overwritten).", Required = true };
        var command = new Command("backup", "Write a consistent copy of the database, also while NightLeg runs.") { db, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = DatabaseOption.OptionsOf(parse, db);
            var destination = parse.GetValue(output)!.FullName;
            if (Path.GetFullPath(options.Path) == destination)
            {
                throw new CliFailure("--out names the database itself; give another file", 2);
            }

            NightLegDatabase database;
            try
            {
                database = NightLegDatabase.Open(options, time);
            }
            catch (StorageException e) when (e.Problem == StorageProblem.InUse)
            {
                // NightLeg is running on it: ask it to make the copy.
                var answer = await AskRunningAsync(options.Path, destination, e, cancellationToken);
                await parse.InvocationConfiguration.Output.WriteLineAsync($"Backed up {Path.GetFullPath(options.Path)} to {answer} (made by the running NightLeg)");
                return 0;
            }

            using (database)
            {
                database.BackUp(destination);
            }

            await parse.InvocationConfiguration.Output.WriteLineAsync($"Backed up {Path.GetFullPath(options.Path)} to {destination}");
            return 0;
        });
        return command;
    }

    /// <summary>Asks the NightLeg running on <paramref name="databasePath"/> to back it up to <paramref name="destination"/>; returns the file it wrote.</summary>
    internal static async Task<string> AskRunningAsync(string databasePath, string destination, StorageException inUse, CancellationToken cancellationToken)
    {
        var socket = ControlSocket.PathFor(Path.GetFullPath(databasePath));
        if (socket is null || !File.Exists(socket))
        {
            throw new CliFailure($"{inUse.Message} It does not answer on a control socket ({socket ?? "path too long"}), so stop it and run the backup again.", 1, inUse);
        }

        try
        {
            var (succeeded, answer) = await ControlSocket.RequestBackupAsync(socket, destination, cancellationToken);
            return succeeded ? answer : throw new CliFailure(answer);
        }
        catch (Exception e) when (e is HttpRequestException or SocketException or IOException)
        {
            throw new CliFailure($"The NightLeg using {databasePath} did not answer on {socket}: {e.Message}", 1, e);
        }
    }
}
