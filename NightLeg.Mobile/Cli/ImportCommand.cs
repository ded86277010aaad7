using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using NightLeg.Domain.Cramps;
using NightLeg.Domain.Diary;
using NightLeg.Domain.Nights;
using NightLeg.Domain.Storage;
using NightLeg.Sync.Export;
using NightLeg.Sync.Storage;

namespace NightLeg.Mobile.Cli;

/// <summary>
/// <c>nightleg import FILE [--db PATH]</c>: restores an export, or brings in a cramp diary kept elsewhere (a
/// <c>.csv</c> file, docs/diary-csv.md). The file is checked to its end before anything is written; nothing is
/// doubled; conflicts (stored data that differs) are kept and listed.
/// </summary>
public static class ImportCommand
{
    public static Command Create(TimeProvider time)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A JSON file written by `nightleg export` (or Settings → Export), or a cramp diary as CSV (docs/diary-csv.md)." };
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

            if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            {
                return await ImportDiaryAsync(parse, db, path, time);
            }

            // Checked before the database is even opened: a bad file leaves a new path uncreated.
            var header = NightLegImport.Check(path);
            using var database = NightLegDatabase.Open(DatabaseOption.OptionsOf(parse, db), time);
            await using var services = CommandServices.Over(database, time);
            var result = services.GetRequiredService<NightLegImport>().Import(path, header);
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

    /// <summary>A diary CSV: every row checked first (all problems listed, by line), then kept.</summary>
    private static async Task<int> ImportDiaryAsync(ParseResult parse, Option<FileInfo?> db, string path, TimeProvider time)
    {
        if (new FileInfo(path).Length > DiaryCsv.MaximumBytes)
        {
            throw new CliFailure($"{path}: larger than {DiaryCsv.MaximumBytes >> 20} MB; a diary is far smaller — is this the right file?");
        }

        // Checked before the database is even opened (a bad file leaves a new path uncreated), then read in the user's time zone.
        var problems = ReadDiary(path, new NightCalendar(TimeZoneInfo.Local)).Problems;
        if (problems.Count > 0)
        {
            foreach (var problem in problems.Skip(1).Take(19))
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"import: {path}:{problem.Line}: {Words.Error(problem.Error)}");
            }

            throw new CliFailure($"{path}:{problems[0].Line}: {Words.Error(problems[0].Error)}" + (problems.Count > 1 ? $" ({problems.Count} problems; nothing was imported)" : " (nothing was imported)"));
        }

        using var database = NightLegDatabase.Open(DatabaseOption.OptionsOf(parse, db), time);
        await using var services = CommandServices.Over(database, time);
        var rows = ReadDiary(path, services.GetRequiredService<NightCalendar>()).Rows;
        var result = DiaryCsv.Apply(rows, services.GetRequiredService<CrampJournal>(), services.GetRequiredService<DiaryJournal>(), services.GetRequiredService<ICrampEventRepository>());
        database.FlushToDisk();
        await parse.InvocationConfiguration.Output.WriteLineAsync(
            $"Imported a diary of {result.Nights} night(s) into {database.Path}: {result.CrampsAdded} cramp(s), {result.CheckInsAdded} day(s) with their factors" +
            (result.Kept > 0 ? $"; {result.Kept} night(s) already had cramps or a check-in and were kept as they were" : string.Empty));
        return 0;
    }

    /// <summary>The command line speaks English.</summary>
    private static readonly NightLeg.Mobile.Localization.Strings Words = new(NightLeg.Domain.Guidance.Language.English);

    private static (IReadOnlyList<DiaryCsv.Row> Rows, IReadOnlyList<DiaryCsv.Problem> Problems) ReadDiary(string path, NightCalendar calendar)
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return DiaryCsv.Read(reader, calendar);
    }
}
