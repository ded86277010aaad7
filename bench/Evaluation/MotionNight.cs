using System.Globalization;

namespace NightLeg.Evaluation;

/// <summary>
/// One real night with real movement, read from the MMASH files of data/motion-nights (Rossi et al.
/// 2020, PhysioNet): per-second ActiGraph activity counts on three axes, the Polar H7's beat-to-beat
/// intervals, and the actigraphy scoring's in bed, sleep onset, out of bed and awakenings. Seconds
/// the dataset lacks are absent (a 6–10 s gap roughly every 33 s, and a few long ones). Immutable.
/// </summary>
/// <param name="Id">The subject, e.g. <c>user_2</c>.</param>
/// <param name="InBed">UTC instant the sleeper went to bed.</param>
/// <param name="SleepOnset">UTC instant of sleep onset, as the actigraphy scored it.</param>
/// <param name="OutOfBed">UTC instant of getting up.</param>
/// <param name="Awakenings">Awakenings the actigraphy counted in the night (it over-counts wake).</param>
/// <param name="WasoMinutes">Wake after sleep onset, minutes.</param>
/// <param name="Start">UTC instant of the first second kept: an hour before bed.</param>
/// <param name="Counts">Activity counts (axis 2, axis 1, axis 3 as x, y, z) per second from <paramref name="Start"/>; null where the dataset has none.</param>
/// <param name="Beats">Beat-to-beat intervals in seconds, grouped by the second (from <paramref name="Start"/>) the dataset stamps them with.</param>
public sealed record MotionNight(
    string Id,
    DateTimeOffset InBed,
    DateTimeOffset SleepOnset,
    DateTimeOffset OutOfBed,
    int Awakenings,
    double WasoMinutes,
    DateTimeOffset Start,
    IReadOnlyList<(double X, double Y, double Z)?> Counts,
    IReadOnlyList<IReadOnlyList<double>?> Beats)
{
    /// <summary>The zone the recordings were made in (the capture's time zone): MMASH was recorded in Italy, a CET zone as Oslo's.</summary>
    public const string TimeZoneId = "Europe/Oslo";

    /// <summary>The kept recording runs from an hour before bed to half an hour after getting up (what to_capture.py keeps).</summary>
    public static readonly TimeSpan BeforeBed = TimeSpan.FromHours(1), AfterGettingUp = TimeSpan.FromMinutes(30);

    /// <summary>MMASH's "day 1" is placed on this local date (as to_capture.py does), so every night is a November night.</summary>
    private static readonly DateOnly DayZero = new(2026, 11, 19);

    /// <summary>Beat-to-beat intervals outside this range (s) are artefacts and dropped.</summary>
    private const double MinimumRr = 0.3, MaximumRr = 2.0;

    /// <summary>UTC end of the kept recording.</summary>
    public DateTimeOffset End => Start.AddSeconds(Counts.Count);

    /// <summary>Seconds asleep-or-awake between sleep onset and getting up (the span the benchmark scores).</summary>
    public TimeSpan SleepPeriod => OutOfBed - SleepOnset;

    /// <summary>
    /// Reads one subject's folder (<c>sleep.csv</c>, <c>Actigraph.csv</c>, <c>RR.csv</c>). The night is the
    /// longest in-bed period of <c>sleep.csv</c>. Throws <see cref="FormatException"/> naming the file and
    /// line when a file is not as MMASH writes it.
    /// </summary>
    public static MotionNight Load(string directory)
    {
        var id = Path.GetFileName(Path.TrimEndingDirectorySeparator(directory));
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
        var (inBed, outOfBed, onset, awakenings, waso) = ReadSleep(Path.Combine(directory, "sleep.csv"), zone);
        var start = inBed - BeforeBed;
        var seconds = (int)(outOfBed + AfterGettingUp - start).TotalSeconds;
        var counts = new (double, double, double)?[seconds];
        var beats = new List<double>?[seconds];

        var actigraph = Path.Combine(directory, "Actigraph.csv");
        foreach (var (line, row) in Rows(actigraph, "Axis1", "Axis2", "Axis3", "day", "time"))
        {
            var index = Index(At(row[3], row[4], zone, actigraph, line), start);
            if (index >= 0 && index < seconds)
            {
                counts[index] = (Number(row[1], actigraph, line), Number(row[0], actigraph, line), Number(row[2], actigraph, line));
            }
        }

        var rrFile = Path.Combine(directory, "RR.csv");
        foreach (var (line, row) in Rows(rrFile, "ibi_s", "day", "time"))
        {
            var index = Index(At(row[1], row[2], zone, rrFile, line), start);
            var rr = Number(row[0], rrFile, line);
            if (index >= 0 && index < seconds && rr is >= MinimumRr and <= MaximumRr)
            {
                (beats[index] ??= []).Add(rr);
            }
        }

        return new MotionNight(id, inBed, onset, outOfBed, awakenings, waso, start, counts, beats);
    }

    /// <summary>Every <c>user_*</c> folder under <paramref name="root"/>, in id order.</summary>
    public static IReadOnlyList<MotionNight> LoadAll(string root) =>
        Directory.EnumerateDirectories(root, "user_*").Order(StringComparer.Ordinal).Select(Load).ToList();

    /// <summary>
    /// data/motion-nights, found by walking up from <paramref name="start"/>: the repository's own copy,
    /// else <c>shared/data/motion-nights</c> beside the checkout; null when there is neither.
    /// </summary>
    public static string? FindDirectory(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "data", "motion-nights"), Path.Combine(dir.FullName, "shared", "data", "motion-nights") })
            {
                if (Directory.Exists(candidate) && Directory.EnumerateDirectories(candidate, "user_*").Any())
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static int Index(DateTimeOffset at, DateTimeOffset start) => (int)Math.Floor((at - start).TotalSeconds);

    private static (DateTimeOffset InBed, DateTimeOffset OutOfBed, DateTimeOffset Onset, int Awakenings, double Waso) ReadSleep(string path, TimeZoneInfo zone)
    {
        var best = default((DateTimeOffset, DateTimeOffset, DateTimeOffset, int, double)?);
        foreach (var (line, row) in Rows(path, "In Bed Date", "In Bed Time", "Out Bed Date", "Out Bed Time", "Onset Date", "Onset Time",
                     "Wake After Sleep Onset (WASO)", "Number of Awakenings"))
        {
            var inBed = At(row[0], row[1], zone, path, line);
            var outOfBed = At(row[2], row[3], zone, path, line);
            if (outOfBed < inBed)
            {
                outOfBed = outOfBed.AddDays(1);
            }

            var candidate = (inBed, outOfBed, At(row[4], row[5], zone, path, line), (int)Number(row[7], path, line), Number(row[6], path, line));
            if (best is not { } b || candidate.outOfBed - candidate.inBed > b.Item2 - b.Item1)
            {
                best = candidate;
            }
        }

        return best ?? throw new FormatException($"{path}: no sleep period");
    }

    /// <summary>MMASH's day (1 or 2; −29 in two subjects' files, read as 2) and local clock time → UTC.</summary>
    private static DateTimeOffset At(string day, string time, TimeZoneInfo zone, string path, int line)
    {
        var d = (int)Number(day, path, line);
        if (d < 0)
        {
            d = 2;
        }

        if (!TimeOnly.TryParseExact(time, ["H:mm:ss", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock))
        {
            throw new FormatException($"{path}:{line}: time '{time}' is not h:mm[:ss]");
        }

        var local = DayZero.AddDays(d).ToDateTime(clock);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static double Number(string text, string path, int line) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"{path}:{line}: '{text}' is not a number");

    /// <summary>The named columns of every data row (1-based line numbers), by the header's names.</summary>
    private static IEnumerable<(int Line, string[] Values)> Rows(string path, params string[] columns)
    {
        using var reader = new StreamReader(path);
        var header = (reader.ReadLine() ?? throw new FormatException($"{path}: empty")).Split(',');
        var indexes = columns.Select(c => Array.IndexOf(header, c) is var i and >= 0 ? i : throw new FormatException($"{path}: no column '{c}'")).ToArray();
        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            var fields = text.Split(',');
            if (fields.Length < header.Length)
            {
                continue; // sleep.csv's short rows carry no period
            }

            yield return (line, indexes.Select(i => fields[i]).ToArray());
        }
    }
}
