using System.Globalization;
using System.Text;
using NightLeg.Domain.Cramps;
using NightLeg.Domain.Diary;
using NightLeg.Domain.Nights;

namespace NightLeg.Sync.Export;

/// <summary>
/// A cramp diary kept elsewhere (a spreadsheet, a notebook typed in), brought in so insights and the report
/// start from it: one row per night, the columns of <c>docs/diary-csv.md</c> in any order (only <c>date</c> is
/// required). Every row is read and checked before anything is written — a file with one bad cell changes
/// nothing and names the line — and nothing is doubled: a night that already has cramps logged by hand keeps
/// them, a night that already has a check-in keeps it. Bounded: at most <see cref="MaximumBytes"/> and
/// <see cref="MaximumRows"/> rows, lines of at most <see cref="MaximumLineLength"/> characters.
/// </summary>
public static class DiaryCsv
{
    /// <summary>The largest file read (ten years of daily rows fit in well under 1 MB).</summary>
    public const long MaximumBytes = 8 << 20;

    /// <summary>The most rows read: over eighty years of nights.</summary>
    public const int MaximumRows = 30_000;

    /// <summary>The longest line read.</summary>
    public const int MaximumLineLength = 4096;

    /// <summary>The most cramps one night may say.</summary>
    public const int MaximumCrampsPerNight = 20;

    /// <summary>A night's cramps without a time are put here (local), the following ones <see cref="CrampSpacing"/> apart.</summary>
    public static readonly TimeOnly DefaultTime = new(3, 0);

    /// <summary>Between the cramps of one row.</summary>
    public static readonly TimeSpan CrampSpacing = TimeSpan.FromMinutes(20);

    /// <summary>The columns, as the header names them.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "date", "cramps", "time", "leg", "location", "intensity", "duration_min", "note",
        "ran", "effort", "run_km", "surface", "other_hard_training", "new_shoes", "enough_to_drink", "alcohol", "magnesium_or_salt", "heavy_duvet", "tags",
    ];

    private static readonly string[] CrampColumns = ["time", "leg", "location", "intensity", "duration_min", "note"];
    private static readonly string[] DayColumns = ["ran", "effort", "run_km", "surface", "other_hard_training", "new_shoes", "enough_to_drink", "alcohol", "magnesium_or_salt", "heavy_duvet", "tags"];

    /// <summary>One night of the file, checked.</summary>
    /// <param name="Line">Its line in the file (1 is the header).</param>
    /// <param name="Night">The night (the evening's date, in the user's time zone).</param>
    /// <param name="Day">The day's factors, when the row says any.</param>
    /// <param name="Cramps">The cramps, each at its UTC instant with what the row says of it.</param>
    public sealed record Row(int Line, NightId Night, DayFactorsReport? Day, IReadOnlyList<(DateTimeOffset At, CrampReport Report)> Cramps);

    /// <summary>What is wrong at one line of the file.</summary>
    public sealed record Problem(int Line, ValidationError Error);

    /// <summary>What an import did.</summary>
    /// <param name="Nights">Rows read.</param>
    /// <param name="CrampsAdded">Cramps logged.</param>
    /// <param name="CheckInsAdded">Days' factors kept.</param>
    /// <param name="Kept">Nights that already had cramps or a check-in, kept as they were.</param>
    public sealed record Result(int Nights, int CrampsAdded, int CheckInsAdded, int Kept);

    /// <summary>Reads and checks the whole file: the rows, or every problem found (each with its line).</summary>
    public static (IReadOnlyList<Row> Rows, IReadOnlyList<Problem> Problems) Read(TextReader reader, NightCalendar calendar)
    {
        var problems = new List<Problem>();
        var rows = new List<Row>();
        var header = ReadLine(reader, 1, problems, separator: null);
        if (header is null)
        {
            problems.Add(new(1, new("file", "diary.empty")));
            return ([], problems);
        }

        var separator = header.Count == 1 && header[0].Contains(';', StringComparison.Ordinal) ? ';' : ',';
        if (separator == ';')
        {
            header = [.. header[0].Split(';')]; // a spreadsheet set to a language with decimal commas writes semicolons
        }

        var names = header.Select(h => h.Trim().ToLowerInvariant()).ToList();
        foreach (var unknown in names.Where(n => !Columns.Contains(n)))
        {
            problems.Add(new(1, new("column", "diary.column", [unknown, string.Join(", ", Columns)])));
        }

        if (!names.Contains("date"))
        {
            problems.Add(new(1, new("column", "diary.noDate")));
        }

        if (problems.Count > 0)
        {
            return ([], problems);
        }

        var seen = new Dictionary<DateOnly, int>();
        for (var line = 2; ; line++)
        {
            var cells = ReadLine(reader, line, problems, separator);
            if (cells is null)
            {
                break;
            }

            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (rows.Count + problems.Count >= MaximumRows)
            {
                problems.Add(new(line, new("file", "diary.tooManyRows", [MaximumRows])));
                break;
            }

            if (cells.Count > names.Count)
            {
                problems.Add(new(line, new("row", "diary.cells", [cells.Count, names.Count])));
                continue;
            }

            var row = names.Select((n, i) => (n, v: i < cells.Count ? cells[i].Trim() : "")).Where(c => c.v.Length > 0).ToDictionary(c => c.n, c => c.v);
            var before = problems.Count;
            var parsed = ReadRow(row, line, calendar, problems);
            if (parsed is not null && seen.TryGetValue(parsed.Night.EveningDate, out var first))
            {
                problems.Add(new(line, new("date", "diary.twice", [parsed.Night.EveningDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), first])));
            }
            else if (parsed is not null && problems.Count == before)
            {
                seen[parsed.Night.EveningDate] = line;
                rows.Add(parsed);
            }
        }

        return (rows, problems);
    }

    /// <summary>Keeps the checked rows: each night's cramps (unless it has cramps logged by hand already) and its day (unless it has a check-in).</summary>
    public static Result Apply(IReadOnlyList<Row> rows, CrampJournal journal, DiaryJournal diary, Domain.Storage.ICrampEventRepository events)
    {
        var (cramps, checkIns, kept) = (0, 0, 0);
        foreach (var row in rows)
        {
            var keptThis = false;
            if (row.Cramps.Count > 0)
            {
                if (events.ForNight(row.Night).Any(e => e.Source == CrampEventSource.LoggedByHand))
                {
                    keptThis = true;
                }
                else
                {
                    foreach (var (at, report) in row.Cramps)
                    {
                        cramps += journal.Import(row.Night, at, report).Succeeded ? 1 : 0;
                    }
                }
            }

            if (row.Day is { } day)
            {
                if (diary.Get(row.Night).Factors is not null)
                {
                    keptThis = true;
                }
                else if (diary.CheckIn(row.Night, day).Succeeded)
                {
                    checkIns++;
                }
            }

            kept += keptThis ? 1 : 0;
        }

        return new Result(rows.Count, cramps, checkIns, kept);
    }

    private static Row? ReadRow(Dictionary<string, string> row, int line, NightCalendar calendar, List<Problem> problems)
    {
        void Fail(string field, string code, params object[] args) => problems.Add(new(line, new(field, code, args)));

        if (!row.TryGetValue("date", out var dateText) || !TryDate(dateText, out var date))
        {
            Fail("date", "diary.date", row.GetValueOrDefault("date") ?? "");
            return null;
        }

        var night = new NightId(date, calendar.ZoneId);
        var hasCrampDetails = CrampColumns.Any(row.ContainsKey);
        var count = hasCrampDetails ? 1 : 0;
        if (row.TryGetValue("cramps", out var countText))
        {
            if (!int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count > MaximumCrampsPerNight)
            {
                Fail("cramps", "diary.cramps", countText, MaximumCrampsPerNight);
                return null;
            }
        }

        var time = DefaultTime;
        if (row.TryGetValue("time", out var timeText) && !TimeOnly.TryParseExact(timeText.Replace('.', ':'), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time))
        {
            Fail("time", "diary.time", timeText);
            return null;
        }

        int? intensity = null;
        if (row.TryGetValue("intensity", out var intensityText))
        {
            if (!int.TryParse(intensityText, NumberStyles.None, CultureInfo.InvariantCulture, out var i))
            {
                Fail("intensity", "diary.number", intensityText);
                return null;
            }

            intensity = i;
        }

        int? seconds = null;
        if (row.TryGetValue("duration_min", out var minutesText))
        {
            if (!TryNumber(minutesText, out var minutes))
            {
                Fail("duration", "diary.number", minutesText);
                return null;
            }

            seconds = (int)Math.Round(minutes * 60);
        }

        // A value in words (docs/diary-csv.md), or the problem naming the word (and more, for some codes).
        T? Word<T>(string column, string field, string code, Func<string, T?> read, params object[] more)
            where T : struct
        {
            var text = row.GetValueOrDefault(column);
            var value = string.IsNullOrWhiteSpace(text) ? null : read(text);
            if (value is null && !string.IsNullOrWhiteSpace(text))
            {
                Fail(field, code, [text.Trim(), .. more]);
            }

            return value;
        }

        var report = new CrampReport(Leg: Word("leg", "leg", "leg.unknown", DiaryWords.Leg), Location: Word("location", "location", "location.unknown", DiaryWords.Location),
            Intensity: intensity, DurationSeconds: seconds, Note: row.GetValueOrDefault("note"));
        var checkedReport = CrampReportValidator.Validate(report);
        foreach (var error in checkedReport.Errors)
        {
            problems.Add(new(line, error));
        }

        var first = calendar.ToUtc(night, time);
        var cramps = Enumerable.Range(0, count).Select(i => (first + (i * CrampSpacing), i == 0 ? report : new CrampReport())).ToList();

        DayFactorsReport? day = null;
        if (DayColumns.Any(row.ContainsKey))
        {
            bool? Yes(string column) => Word(column, column, "diary.yesNo", DiaryWords.YesNo, column);

            double? km = null;
            if (row.TryGetValue("run_km", out var kmText))
            {
                if (TryNumber(kmText, out var k))
                {
                    km = k;
                }
                else
                {
                    Fail("runKm", "diary.number", kmText);
                }
            }

            day = new DayFactorsReport(
                Ran: Yes("ran") ?? (km > 0 || row.ContainsKey("effort") || row.ContainsKey("surface") ? true : null),
                RunKm: km,
                Effort: Word("effort", "effort", "effort.unknown", DiaryWords.Effort),
                Surface: Word("surface", "surface", "surface.unknown", DiaryWords.Surface),
                OtherHardTraining: Yes("other_hard_training"),
                NewShoes: Yes("new_shoes"),
                EnoughToDrink: Yes("enough_to_drink"),
                Alcohol: Yes("alcohol"),
                MagnesiumOrSalt: Yes("magnesium_or_salt"),
                HeavyDuvet: Yes("heavy_duvet"),
                Tags: row.TryGetValue("tags", out var tags) ? tags.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : null);
            foreach (var error in DiaryJournal.Validate(day).Errors)
            {
                problems.Add(new(line, error));
            }
        }

        return new Row(line, night, day, cramps);
    }

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, ["yyyy-MM-dd", "d.M.yyyy", "dd.MM.yyyy", "yyyy/MM/dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>One line's cells split at <paramref name="separator"/> (RFC 4180: quoted cells may hold it and doubled quotes); null at the end of the file.</summary>
    private static List<string>? ReadLine(TextReader reader, int line, List<Problem> problems, char? separator)
    {
        var text = new StringBuilder();
        while (true)
        {
            var c = reader.Read();
            if (c < 0)
            {
                if (text.Length == 0)
                {
                    return null;
                }

                break;
            }

            if (c == '\n')
            {
                break;
            }

            if (text.Length >= MaximumLineLength)
            {
                problems.Add(new(line, new("row", "diary.longLine", [MaximumLineLength])));
                while (reader.Read() is not (-1 or '\n'))
                {
                }

                return [];
            }

            text.Append((char)c);
        }

        var s = text.ToString().TrimEnd('\r').TrimStart('\uFEFF');
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < s.Length; i++)
        {
            var ch = s[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < s.Length && s[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(ch);
                }
            }
            else if (ch == '"' && cell.Length == 0)
            {
                quoted = true;
            }
            else if (ch == (separator ?? ','))
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(ch);
            }
        }

        if (quoted)
        {
            problems.Add(new(line, new("row", "diary.quote")));
            return [];
        }

        cells.Add(cell.ToString());
        return cells;
    }
}
