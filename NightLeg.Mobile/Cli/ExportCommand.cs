using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using NightLeg.Sync.Export;
using NightLeg.Sync.Files;
using NightLeg.Sync.Storage;

namespace NightLeg.Mobile.Cli;

/// <summary>
/// <c>nightleg export --out FILE</c>: all nights, events and seconds as JSON (or CSV). Opens the
/// database read-only, so it also saves what is readable from a damaged one. While NightLeg runs on
/// it, the running one makes a consistent copy beside it (as <c>nightleg backup</c> does), which is
/// exported and removed.
/// </summary>
public static class ExportCommand
{
    public static Command Create(TimeProvider time)
    {
        var db = DatabaseOption.Create("The database to export (default: the one `nightleg serve` uses). Read only; a damaged one gives what is readable.");
        var output = new Option<FileInfo>("--out") { Description = "The file to write (owner-only; an existing file is replaced only if it is an export).", Required = true };
        var format = new Option<string?>("--format") { Description = "json, or csv: tables in one ZIP archive (default: by the file's extension — .zip is csv — else json)." };
        format.AcceptOnlyFromAmong("json", "csv");
        var command = new Command("export", "Write everything stored — nights, events, diary, every second — to a JSON file or CSV tables in a ZIP archive.") { db, output, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var destination = parse.GetValue(output)!.FullName;
            if (destination.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            {
                throw new CliFailure($"{destination}: the CSV export is four tables (nights, events, diary, seconds) in one ZIP archive; name it {Path.ChangeExtension(destination, ".zip")}");
            }

            var csv = (parse.GetValue(format) ?? (destination.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) ? "csv" : "json")) == "csv";
            OutputFile.Check(destination, "NightLeg export", s => OutputFile.Head(s, 64) is var head &&
                (head.Contains("\"nightleg-export", StringComparison.Ordinal) || (head.StartsWith("PK", StringComparison.Ordinal) && head.Contains("nights.csv", StringComparison.Ordinal))));

            var options = DatabaseOption.OptionsOf(parse, db);
            NightLegDatabase database;
            string? snapshot = null;
            try
            {
                database = NightLegDatabase.OpenReadOnly(options, time);
            }
            catch (StorageException e) when (e.Problem == StorageProblem.InUse)
            {
                // NightLeg is running on it: it makes a checked copy beside the database, which is exported.
                var full = Path.GetFullPath(options.Path);
                snapshot = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileNameWithoutExtension(full)}.export-{Environment.ProcessId}.db");
                await BackupCommand.AskRunningAsync(full, snapshot, e, cancellationToken);
                database = NightLegDatabase.OpenReadOnly(options with { Path = snapshot }, time);
            }

            try
            {
                await ExportAsync(parse, database, time, destination, csv, snapshot is not null, cancellationToken);
            }
            finally
            {
                database.Dispose();
                if (snapshot is not null)
                {
                    // The copy, its log and its lock: nothing of it stays.
                    foreach (var file in NightLegDatabase.FilesOf(snapshot))
                    {
                        File.Delete(file);
                    }
                }
            }

            return 0;
        });
        return command;
    }

    private static async Task ExportAsync(ParseResult parse, NightLegDatabase database, TimeProvider time, string destination, bool csv, bool throughRunning, CancellationToken cancellationToken)
    {
        await using var services = CommandServices.Over(database, time);
        var export = services.GetRequiredService<NightLegExport>();
        ExportResult? result = null;
        OutputFile.WriteAll([(destination, stream => result = (csv ? export.WriteCsvArchiveAsync(stream, cancellationToken) : export.WriteJsonAsync(stream, cancellationToken)).GetAwaiter().GetResult())], ownerOnly: true);

        var error = parse.InvocationConfiguration.Error;
        foreach (var problem in result!.Unreadable)
        {
            await error.WriteLineAsync($"export: could not read {problem}");
        }

        await parse.InvocationConfiguration.Output.WriteLineAsync(
            $"Exported {result.Nights} night(s) to {destination}{(throughRunning ? " (from a copy the running NightLeg made)" : string.Empty)}{(result.Unreadable.Count > 0 ? $"; {result.Unreadable.Count} part(s) could not be read (above)" : string.Empty)}");
    }
}
