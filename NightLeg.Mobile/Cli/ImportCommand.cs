using System.CommandLine;
using NightLeg.Sync.Export;
using NightLeg.Sync.Storage;

namespace NightLeg.Mobile.Cli;

/// <summary>
/// <c>nightleg import FILE [--db PATH]</c>: restores an export. The file is checked to its end before
/// anything is written; nothing is doubled; conflicts (stored data that differs) are kept and listed.
/// </summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A JSON file written by `nightleg export` (or Settings → Export)." };
        var db = DatabaseOption.Create("The database to import into (default: the one `nightleg serve` uses; NightLeg must not be running on it).");
        var command = new Command("import", "Restore an export into a database: exactly into a new one, without doubling anything into one that has data.") { file, db };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!.FullName;
            if (Directory.Exists(path))
            {
                throw new CliFailure($"{path} is a folder, not an export file");
            }

            if (!File.Exists(path))
            {
                throw new CliFailure($"{path} does not exist");
            }

            // Checked before the database is even opened: a bad file leaves a new path uncreated.
            NightLegImport.Read(path, _ => { });
            using var database = NightLegDatabase.Open(DatabaseOption.OptionsOf(parse, db));
            var import = new NightLegImport(new LiteDbNightRepository(database), new LiteDbCrampEventRepository(database), new LiteDbEpochRepository(database),
                new LiteDbDiaryRepository(database), new LiteDbSettingsRepository(database), new LiteDbDeviceRepository(database), new LiteDbSleeperProfileRepository(database));
            var result = import.Import(path);
            database.FlushToDisk();
            var error = parse.InvocationConfiguration.Error;
            foreach (var conflict in result.Conflicts)
            {
                await error.WriteLineAsync($"import: conflict: {conflict}");
            }

            await parse.InvocationConfiguration.Output.WriteLineAsync(
                $"Imported {result.Nights} night(s), {result.Seconds:N0} seconds and {result.Events} event(s) into {database.Path}" +
                (result.AlreadyThere > 0 ? $"; {result.AlreadyThere} night(s) were there already" : string.Empty) +
                (result.Conflicts.Count > 0 ? $"; {result.Conflicts.Count} conflict(s) kept as stored (above)" : string.Empty));
            return 0;
        });
        return command;
    }
}
