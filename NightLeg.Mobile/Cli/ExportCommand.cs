using System.CommandLine;
using NightLeg.Sync.Export;
using NightLeg.Sync.Files;
using NightLeg.Sync.Storage;

namespace NightLeg.Mobile.Cli;

/// <summary>
/// <c>nightleg export --out FILE</c>: all nights, events and seconds as JSON (or CSV). Opens the
/// database read-only, so it also saves what is readable from a damaged one.
/// </summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var db = DatabaseOption.Create("The database to export (default: the one `nightleg serve` uses). Read only; a damaged one gives what is readable.");
        var output = new Option<FileInfo>("--out") { Description = "The file to write (owner-only; an existing file is replaced only if it is an export).", Required = true };
        var format = new Option<string?>("--format") { Description = "json or csv (default: by the file's extension, else json)." };
        format.AcceptOnlyFromAmong("json", "csv");
        var command = new Command("export", "Write everything stored — nights, events, every second — to a JSON or CSV file.") { db, output, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var destination = parse.GetValue(output)!.FullName;
            var csv = (parse.GetValue(format) ?? (destination.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? "csv" : "json")) == "csv";
            OutputFile.Check(destination, "NightLeg export", s => OutputFile.Head(s, 64) is var head &&
                (head.Contains("\"nightleg-export", StringComparison.Ordinal) || head.StartsWith("night,time_utc", StringComparison.Ordinal)));

            NightLegDatabase database;
            try
            {
                database = NightLegDatabase.OpenReadOnly(DatabaseOption.OptionsOf(parse, db));
            }
            catch (StorageException e) when (e.Problem == StorageProblem.InUse)
            {
                throw new CliFailure($"{e.Message} While it runs, export from the app (Settings → Export), or make a backup with `nightleg backup` and export that.", 1, e);
            }

            using var _ = database;
            var export = new NightLegExport(new LiteDbNightRepository(database), new LiteDbCrampEventRepository(database), new LiteDbEpochRepository(database),
                new LiteDbDiaryRepository(database), new LiteDbSettingsRepository(database), new LiteDbDeviceRepository(database), new LiteDbSleeperProfileRepository(database));
            ExportResult? result = null;
            OutputFile.WriteAll([(destination, stream => result = (csv ? export.WriteCsvAsync(stream, cancellationToken) : export.WriteJsonAsync(stream, cancellationToken)).GetAwaiter().GetResult())], ownerOnly: true);

            var error = parse.InvocationConfiguration.Error;
            foreach (var problem in result!.Unreadable)
            {
                await error.WriteLineAsync($"export: could not read {problem}");
            }

            await parse.InvocationConfiguration.Output.WriteLineAsync(
                $"Exported {result.Nights} night(s) to {destination}{(result.Unreadable.Count > 0 ? $"; {result.Unreadable.Count} part(s) could not be read (above)" : string.Empty)}");
            return 0;
        });
        return command;
    }
}
