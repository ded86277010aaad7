using System.Text;
using System.Text.Json;
using NightLeg.Domain.Cramps;
using NightLeg.Domain.Detection;
using NightLeg.Domain.Diary;
using NightLeg.Domain.Guidance;
using NightLeg.Domain.Nights;
using NightLeg.Domain.Storage;
using NightLeg.Sync.Export;
using NightLeg.Sync.Storage;
using NightLeg.Tests.Support;

namespace NightLeg.Tests.Sync.Export;

/// <summary>
/// Export is truly everything, and import restores it: export → import → export gives the same bytes;
/// importing into a database that has some of it doubles nothing and reports conflicts; a file that is
/// wrong, cut short or from a newer NightLeg is refused in one line and changes nothing. (Issue 13.)
/// </summary>
public sealed class ExportImportTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("nightleg-export-").FullName;

    [Fact]
    public async Task ExportImportExport_IsByteIdentical_AndHoldsEverything()
    {
        // Arrange: a recorded night with a cramp confirmed with every detail, a dismissed awakening, a night only logged by hand, diaries, settings.
        var original = Path.Combine(_dir, "original.db");
        await FillAsync(original);
        var first = Path.Combine(_dir, "first.json");
        var second = Path.Combine(_dir, "second.json");
        var restored = Path.Combine(_dir, "restored.db");

        // Act
        Assert.Equal(0, (await CliRunner.RunAsync("export", "--db", original, "--out", first)).ExitCode);
        var import = await CliRunner.RunAsync("import", first, "--db", restored);
        Assert.True(import.ExitCode == 0, import.Stderr);
        Assert.Equal(0, (await CliRunner.RunAsync("export", "--db", restored, "--out", second)).ExitCode);

        // Assert
        Assert.Equal(await File.ReadAllBytesAsync(first), await File.ReadAllBytesAsync(second));
        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(first));
        var root = json.RootElement;
        Assert.Equal("nightleg-export", root.GetProperty("format").GetString());
        Assert.Equal(2, root.GetProperty("version").GetInt32());
        Assert.Equal("NorwegianBokmal", root.GetProperty("settings").GetProperty("language").GetString());
        Assert.Equal(SleeperProfile.Bins, root.GetProperty("sleeper").GetProperty("riseSeconds").GetArrayLength());
        var nights = root.GetProperty("nights").EnumerateArray().ToList();
        Assert.Equal(2, nights.Count);
        var recorded = nights.Single(n => n.GetProperty("recording").ValueKind == JsonValueKind.Object);
        var handOnly = nights.Single(n => n.GetProperty("recording").ValueKind == JsonValueKind.Null);
        Assert.True(recorded.GetProperty("recording").GetProperty("positionSeconds").EnumerateObject().Any(), "a chest strap's positions");
        Assert.True(recorded.GetProperty("seconds").GetArrayLength() > 3000);
        Assert.Equal(6, recorded.GetProperty("seconds")[100].GetArrayLength()); // with posture
        var confirmed = recorded.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("status").GetString() == "Confirmed" && e.GetProperty("source").GetString() == "Detected");
        Assert.Equal(90, confirmed.GetProperty("details").GetProperty("durationSeconds").GetDouble());
        Assert.Equal("stretch", confirmed.GetProperty("details").GetProperty("whatHelped")[0].GetString());
        Assert.Equal(1200, confirmed.GetProperty("details").GetProperty("backToSleep").GetProperty("afterSeconds").GetDouble());
        Assert.NotEqual(JsonValueKind.Null, confirmed.GetProperty("detection").GetProperty("evidence").ValueKind);
        Assert.Equal("Hard", recorded.GetProperty("diary").GetProperty("day").GetProperty("effort").GetString());
        Assert.Equal(6, recorded.GetProperty("diary").GetProperty("sleepDisturbance").GetInt32());
        Assert.Equal("LoggedByHand", handOnly.GetProperty("events")[0].GetProperty("source").GetString());
        Assert.Contains("Imported 1 night(s)", import.Stdout);

        // And it is what docs/export.schema.json says.
        var schema = Json.Schema.JsonSchema.FromFile(RepositoryRoot.Combine("docs", "export.schema.json"));
        var evaluation = schema.Evaluate(JsonDocument.Parse(await File.ReadAllBytesAsync(first)).RootElement, new Json.Schema.EvaluationOptions { OutputFormat = Json.Schema.OutputFormat.List });
        Assert.True(evaluation.IsValid, string.Join("\n", (evaluation.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).Take(10)));
    }

    [Fact]
    public async Task Import_IntoADatabaseThatHasSomeOfIt_DoublesNothing_AndReportsConflicts()
    {
        var original = Path.Combine(_dir, "original.db");
        var events = await FillAsync(original);
        var export = Path.Combine(_dir, "all.json");
        await CliRunner.RunAsync("export", "--db", original, "--out", export);

        // The same database changed afterwards: one event's note edited.
        using (var db = NightLegDatabase.Open(new DatabaseOptions(original), TimeProvider.System))
        {
            var repository = new LiteDbCrampEventRepository(db);
            var changed = repository.Get(events.Confirmed)!;
            repository.Save(changed with { Details = changed.Details with { Note = "changed later" } });
        }

        var (code, stdout, stderr) = await CliRunner.RunAsync("import", export, "--db", original);

        Assert.Equal(0, code);
        Assert.Contains("Imported 0 night(s)", stdout);
        Assert.Contains("1 night(s) were there already", stdout);
        Assert.Contains($"event {events.Confirmed}", stderr);
        using var after = NightLegDatabase.Open(new DatabaseOptions(original), TimeProvider.System);
        var all = new LiteDbCrampEventRepository(after).List(DateOnly.MinValue, DateOnly.MaxValue);
        Assert.Equal(3, all.Count); // nothing doubled
        Assert.Equal("changed later", all.Single(e => e.Id == events.Confirmed).Details.Note); // the stored one kept
    }

    [Theory]
    [InlineData("wrong-schema")]
    [InlineData("truncated")]
    [InlineData("future")]
    [InlineData("not-json")]
    [InlineData("formula-in-the-zone")]
    [InlineData("no-such-zone")]
    [InlineData("year-9999")]
    [InlineData("second-misshapen")]
    [InlineData("second-out-of-range")]
    [InlineData("posture-out-of-range")]
    public async Task Import_ABadFile_IsRefusedInOneLine_AndChangesNothing(string kind)
    {
        // Arrange: a good export, made bad; a database that already has data.
        var original = Path.Combine(_dir, "original.db");
        await FillAsync(original);
        var good = Path.Combine(_dir, "good.json");
        await CliRunner.RunAsync("export", "--db", original, "--out", good);
        var text = await File.ReadAllTextAsync(good);
        var bad = Path.Combine(_dir, "bad.json");
        await File.WriteAllTextAsync(bad, kind switch
        {
            "wrong-schema" => text.Replace("\"status\":\"Confirmed\"", "\"status\":\"Maybe\"", StringComparison.Ordinal),
            "truncated" => text[..(text.Length * 2 / 3)],
            "future" => text.Replace("\"version\":2", "\"version\":3", StringComparison.Ordinal),
            // Issue 21, R6: any text was taken as a night's zone (and the CSV export then wrote it raw).
            "formula-in-the-zone" => text.Replace("@Europe/Oslo\"", "@Europe/Oslo,=HYPERLINK(\\\"http://evil\\\")\\n=1+1\"", StringComparison.Ordinal),
            "no-such-zone" => text.Replace("@Europe/Oslo\"", "@Not/AZone\"", StringComparison.Ordinal),
            "year-9999" => System.Text.RegularExpressions.Regex.Replace(text, "\"night\":\"\\d{4}-", "\"night\":\"9999-"),
            // The seconds are read straight off the text: each shape and range still checked.
            "second-misshapen" => Once(text, "\"seconds\":[[", "\"seconds\":[[1773180000,60],["),
            "second-out-of-range" => Once(text, "\"seconds\":[[", "\"seconds\":[[1773180000,7000,0.01],["),
            "posture-out-of-range" => Once(text, "\"seconds\":[[", "\"seconds\":[[1773180000,60,0.01,0,200,0],["),
            _ => "my notes\n",
        });
        var target = Path.Combine(_dir, "target.db");
        NightLegDatabase.Open(new DatabaseOptions(target), TimeProvider.System).Dispose();
        var before = await File.ReadAllBytesAsync(target);
        var fresh = Path.Combine(_dir, "never.db");

        // Act
        var (code, _, stderr) = await CliRunner.RunAsync("import", bad, "--db", target);
        var onNew = await CliRunner.RunAsync("import", bad, "--db", fresh);

        // Assert
        Assert.Equal(1, code);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(bad, line);
        Assert.Contains("nothing was imported", line);
        Assert.Contains(kind switch
        {
            "wrong-schema" => "Maybe", "truncated" => "ends early", "future" => "newer NightLeg",
            "formula-in-the-zone" or "no-such-zone" or "year-9999" => "is not a night",
            "second-misshapen" => "a second is [unixSeconds, heartRateBpm, movementG]",
            "second-out-of-range" => "a second's heart rate or movement is out of range",
            "posture-out-of-range" => "posture components are −127…127",
            _ => "is not a NightLeg export",
        }, line);
        Assert.DoesNotContain("LineNumber", line);
        Assert.Equal(before, await File.ReadAllBytesAsync(target));
        Assert.Equal(1, onNew.ExitCode);
        Assert.False(File.Exists(fresh));
    }

    private static string Once(string text, string what, string with)
    {
        var at = text.IndexOf(what, StringComparison.Ordinal);
        Assert.True(at >= 0, $"no {what} in the export");
        return string.Concat(text.AsSpan(0, at), with, text.AsSpan(at + what.Length));
    }

    [Fact]
    public async Task Import_KilledBeforeANightsRecord_AgainCompletesIt_NothingLost()
    {
        // Issue 21, R7: kill -9 during an import left a night stored with 0 seconds, then "there already" on the retry:
        // 13,560 seconds lost for good. Here the import dies at the moment it would write the night's record.
        var original = Path.Combine(_dir, "original.db");
        await FillAsync(original);
        var export = Path.Combine(_dir, "e.json");
        Assert.Equal(0, (await CliRunner.RunAsync("export", "--db", original, "--out", export)).ExitCode);
        var target = Path.Combine(_dir, "target.db");

        using (var database = NightLegDatabase.Open(new DatabaseOptions(target), TimeProvider.System))
        {
            var dying = new DiesAtTheFirstSave(new LiteDbNightRepository(database));
            var import = new NightLegImport(dying, new LiteDbCrampEventRepository(database), new LiteDbEpochRepository(database), new LiteDbDiaryRepository(database),
                new LiteDbSettingsRepository(database), new LiteDbDeviceRepository(database), new LiteDbSleeperProfileRepository(database));
            Assert.Throws<IOException>(() => import.Import(export));
            Assert.Empty(new LiteDbNightRepository(database).List(DateOnly.MinValue, DateOnly.MaxValue)); // no night claims to be there
        }

        // Act: the user runs the import again.
        var (code, _, stderr) = await CliRunner.RunAsync("import", export, "--db", target);

        // Assert: complete — the export of it is the original's, byte for byte.
        Assert.True(code == 0, stderr);
        var again = Path.Combine(_dir, "again.json");
        Assert.Equal(0, (await CliRunner.RunAsync("export", "--db", target, "--out", again)).ExitCode);
        Assert.Equal(Strip(await File.ReadAllTextAsync(export)), Strip(await File.ReadAllTextAsync(again)));

        static string Strip(string json) => System.Text.RegularExpressions.Regex.Replace(json, "\"exportedAt\":\"[^\"]*\"", "");
    }

    /// <summary>A night repository that dies (as a kill would) at its first save.</summary>
    private sealed class DiesAtTheFirstSave(INightRepository inner) : INightRepository
    {
        private bool _died;

        public void Save(NightLeg.Domain.Nights.Night night)
        {
            if (!_died)
            {
                _died = true;
                throw new IOException("killed");
            }

            inner.Save(night);
        }

        public NightLeg.Domain.Nights.Night? Get(NightId id) => inner.Get(id);

        public IReadOnlyList<NightLeg.Domain.Nights.Night> List(DateOnly from, DateOnly to) => inner.List(from, to);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task CsvExport_IsEveryTableInOneArchive_AndItsDiaryImportsBack()
    {
        // Arrange
        var original = Path.Combine(_dir, "original.db");
        await FillAsync(original);
        var archive = Path.Combine(_dir, "all.zip");

        // Act
        var export = await CliRunner.RunAsync("export", "--db", original, "--out", archive);

        // Assert: four tables, every event with its details, every second.
        Assert.True(export.ExitCode == 0, export.Stderr);
        Assert.Equal(OwnerOnly.FileMode, File.GetUnixFileMode(archive));
        using var zip = System.IO.Compression.ZipFile.OpenRead(archive);
        Assert.Equal(NightLegExport.CsvTables, zip.Entries.Select(e => e.FullName));
        string[] Lines(string name)
        {
            using var reader = new StreamReader(zip.GetEntry(name)!.Open());
            return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }

        using var database = NightLegDatabase.OpenReadOnly(new DatabaseOptions(original), TimeProvider.System);
        var events = new LiteDbCrampEventRepository(database).List(DateOnly.MinValue, DateOnly.MaxValue);
        var night = new LiteDbNightRepository(database).List(DateOnly.MinValue, DateOnly.MaxValue).Single();
        var seconds = new LiteDbEpochRepository(database).Read(night.RecordingStart, night.RecordingEnd.AddSeconds(1)).Count;
        Assert.Equal(2, Lines("nights.csv").Length);
        Assert.Equal(events.Count + 1, Lines("events.csv").Length);
        Assert.Contains(Lines("events.csv"), l => l.Contains(",Confirmed,Left,Calf,7,90,stretch heat,yes,20,woke at 3,", StringComparison.Ordinal));
        Assert.Equal(seconds + 1, Lines("seconds.csv").Length);

        // The diary table is the diary format: brought into a new database, the same cramp nights and days.
        var diaryFile = Path.Combine(_dir, "diary.csv");
        System.IO.Compression.ZipFileExtensions.ExtractToFile(zip.GetEntry("diary.csv")!, diaryFile);
        var restored = Path.Combine(_dir, "from-diary.db");
        using (var fresh = NightLegDatabase.Open(new DatabaseOptions(restored), TimeProvider.System))
        {
            new LiteDbSettingsRepository(fresh).Save(UserSettings.Default with { TimeZoneId = night.Id.TimeZoneId }); // the diary's dates are the user's
        }

        var import = await CliRunner.RunAsync("import", diaryFile, "--db", restored);
        Assert.True(import.ExitCode == 0, import.Stderr);
        Assert.Contains($"{events.Count(e => e.IsConfirmedCramp)} cramp(s), 1 day(s)", import.Stdout);

        // Twice is once: the second import adds nothing.
        var again = await CliRunner.RunAsync("import", diaryFile, "--db", restored);
        Assert.Contains("0 cramp(s), 0 day(s)", again.Stdout);
        using var back = NightLegDatabase.OpenReadOnly(new DatabaseOptions(restored), TimeProvider.System);
        var diaries = new LiteDbDiaryRepository(database).List(DateOnly.MinValue, DateOnly.MaxValue).Where(d => d.Factors is not null).ToList();
        var diariesBack = new LiteDbDiaryRepository(back).List(DateOnly.MinValue, DateOnly.MaxValue);
        Assert.Equal(diaries.Select(d => (d.Night, d.Factors)), diariesBack.Select(d => (d.Night, d.Factors)));
        var crampNights = events.Where(e => e.IsConfirmedCramp).GroupBy(e => e.Night).Select(g => (g.Key.ToString(), g.Count())).Order().ToList();
        var crampNightsBack = new LiteDbCrampEventRepository(back).List(DateOnly.MinValue, DateOnly.MaxValue).GroupBy(e => e.Night).Select(g => (g.Key.ToString(), g.Count())).Order().ToList();
        Assert.Equal(crampNights, crampNightsBack);
    }

    private sealed record Filled(Guid Confirmed);

    /// <summary>A real database: a simulated Polar H10 night replayed into it, then what a user adds.</summary>
    private async Task<Filled> FillAsync(string db)
    {
        var capture = Path.Combine(_dir, $"{Guid.NewGuid():N}.capture");
        Assert.Equal(0, (await CliRunner.RunAsync("simulate", "--seed", "4", "--hours", "1.5", "--cramps", "1", "--device", "polar-h10", "--out", capture)).ExitCode);
        var replay = await CliRunner.RunAsync("replay", capture, "--db", db);
        Assert.True(replay.ExitCode == 0, replay.Stderr);

        using var database = NightLegDatabase.Open(new DatabaseOptions(db), TimeProvider.System);
        var nights = new LiteDbNightRepository(database);
        var events = new LiteDbCrampEventRepository(database);
        var night = nights.List(DateOnly.MinValue, DateOnly.MaxValue).Single();
        var calendar = NightCalendar.ForZone(night.Id.TimeZoneId);
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(night.End.AddHours(2));
        var journal = new CrampJournal(events, nights, calendar, time);
        var detected = events.ForNight(night.Id).Where(e => e.Source == CrampEventSource.Detected).ToList();
        Assert.NotEmpty(detected);
        var confirmed = journal.Confirm(detected[0].Id, new CrampReport(Leg.Left, CrampLocation.Calf, 7, 90, ["stretch", "heat"], true, 20, "woke at 3")).Value!;
        if (detected.Count > 1)
        {
            journal.Dismiss(detected[1].Id, DismissReason.Bathroom, "just the loo");
        }
        else
        {
            journal.LogByHand(night.Id, night.Start.AddMinutes(20), new CrampReport(Leg.Right, CrampLocation.Foot, 4));
        }

        var otherNight = new NightId(night.Id.EveningDate.AddDays(-3), night.Id.TimeZoneId);
        new CrampJournal(events, nights, calendar, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(night.End.AddDays(1)))
            .LogByHand(otherNight, calendar.ToUtc(otherNight.EveningDate.AddDays(1), new TimeOnly(3, 10)), new CrampReport(Leg.Both, CrampLocation.Thigh, 9, 240));
        var diary = new DiaryJournal(new LiteDbDiaryRepository(database), time);
        diary.CheckIn(night.Id, new DayFactorsReport(true, 18, RunEffort.Hard, RunSurface.Road, false, true, false, null, true, null, ["sauna", "Late dinner"]));
        diary.RecordMorning(night.Id, 6, true, 3);
        new LiteDbSettingsRepository(database).Save(new UserSettings(Language.NorwegianBokmal, Sensitivity.High, "Europe/Oslo", true));
        new LiteDbDeviceRepository(database).SavePaired(new PairedDevice("AA:BB:CC:DD:EE:FF", "Polar H10 5E8F3A21", "polar-h10", night.Start.AddDays(-10)));
        return new Filled(confirmed.Id);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
