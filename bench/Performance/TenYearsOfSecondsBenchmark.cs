using System.Diagnostics;
using System.Globalization;
using NightLeg.Domain.Nights;
using NightLeg.Domain.Samples;
using NightLeg.Sync.Simulation;
using NightLeg.Sync.Storage;

namespace NightLeg.Bench.Performance;

/// <summary>
/// Ten years with every second: the ten-year runner of <see cref="TenYearsBenchmark"/> (3,650 nights, diary and
/// cramps) with each night's seconds (heart rate, movement and posture, 7½–8½ h a night: ≈100 million seconds),
/// then each command as a user runs it — the real <c>nightleg</c> in a process of its own, its wall time and its
/// peak resident memory (VmHWM, read from /proc while it runs): <c>insights</c>, <c>export</c>, <c>import</c> of that
/// export into a new database, <c>backup</c>, and <c>serve</c> to its first page. Targets: export ≤ 90 s and import
/// ≤ 3 min, each within 250 MB; insights ≤ 1 s; start-up ≤ 3 s.
/// </summary>
public static class TenYearsOfSecondsBenchmark
{
    /// <summary>Ten years of nights (fewer, for a quicker look at one command: <c>ten-years-seconds 365</c>).</summary>
    public static async Task<int> Run(TextWriter output, int nights = 3650)
    {
        if (!File.Exists(ServeProcess.Program))
        {
            output.WriteLine($"(skipped: needs {ServeProcess.Program})");
            return 0;
        }

        var dir = ServeProcess.NewFolder("ten-years-seconds");
        try
        {
            var db = Path.Combine(dir, "nightleg.db");
            var seeding = Stopwatch.StartNew();
            var seconds = Seed(db, nights);
            seeding.Stop();
            var size = DatabaseBytes(db);

            var rows = new List<(string What, Measured Run, string Target)>
            {
                ("`insights --json`", await RunAsync("insights", "--json", "--db", db), "≤ 1 s"),
            };
            var export = Path.Combine(dir, "export.json");
            rows.Add(("`export` (JSON)", await RunAsync("export", "--db", db, "--out", export), "≤ 90 s, ≤ 250 MB"));
            var exportBytes = new FileInfo(export).Length;
            var imported = Path.Combine(dir, "imported.db");
            rows.Add(("`import` of that export into a new database", await RunAsync("import", export, "--db", imported), "≤ 3 min, ≤ 250 MB"));
            File.Delete(export);
            rows.Add(("`backup`", await RunAsync("backup", "--db", db, "--out", Path.Combine(dir, "backup.db")), string.Empty));
            var (startup, firstPage, resident) = await ServeAsync(dir);

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(nights == 3650 ? "Ten years" : $"{nights / 365.0:0.#} years")} with every second: {nights:N0} nights and {seconds / 1e6:0.0} million seconds in a {size / 1e9:0.00} GB database (made in {seeding.Elapsed.TotalMinutes:0.0} min); the export is {exportBytes / 1e9:0.00} GB. Each command is the real `nightleg` in a process of its own:"));
            output.WriteLine();
            output.WriteLine("| command | wall time | peak resident memory | target |");
            output.WriteLine("|---|---|---|---|");
            foreach (var (what, run, target) in rows)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {what} | {Seconds(run.Wall)} | {run.PeakMb:0} MB | {target} |"));
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| `serve`: start-up to its printed link · History's first page | {startup:0.0} s · {firstPage:0} ms | {resident:0} MB after that page | ≤ 3 s |"));
            output.WriteLine();
        }
        finally
        {
            // The server removes its folder when it stops; whatever a failure left is removed here.
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }

        return 0;
    }

    /// <summary>The ten-year runner, then each night's seconds; returns how many seconds.</summary>
    private static long Seed(string db, int count)
    {
        var lastNight = DateOnly.FromDateTime(DateTime.Now).AddDays(-1);
        using var database = NightLegDatabase.Open(new DatabaseOptions(db), TimeProvider.System);
        SampleHistory.Seed(database, lastNight, count);
        new LiteDbSettingsRepository(database).Save(Domain.Storage.UserSettings.Default with { TimeZoneId = SampleHistory.Zone });
        var nights = new LiteDbNightRepository(database).List(DateOnly.MinValue, DateOnly.MaxValue);
        var epochs = new LiteDbEpochRepository(database);
        var random = new Random(3650);
        long total = 0;
        var buffer = new List<SecondEpoch>(9 * 3600);
        foreach (var night in nights)
        {
            buffer.Clear();
            var bpm = 52.0;
            for (var t = night.RecordingStart; t < night.RecordingEnd; t = t.AddSeconds(1))
            {
                bpm = Math.Clamp(bpm + ((random.NextDouble() - 0.5) * 1.2), 42, 90);
                var moving = random.NextDouble() < 0.03;
                buffer.Add(new SecondEpoch(t, Math.Round(bpm, 1), moving ? 0.05 + (random.NextDouble() * 0.3) : 0.004 + (random.NextDouble() * 0.01),
                    new Posture(0.1, random.NextDouble() < 0.5 ? 0.99 : -0.99, 0.05)));
            }

            epochs.Append(night.Id, buffer);
            total += buffer.Count;
        }

        database.FlushToDisk();
        return total;
    }

    private static async Task<Measured> RunAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(ServeProcess.Program);
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var peak = 0.0;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, ProcMemory.Mb(process.Id, "VmHWM"));
            await Task.WhenAny(process.WaitForExitAsync(), Task.Delay(50));
        }

        await process.WaitForExitAsync();
        clock.Stop();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"nightleg {string.Join(' ', arguments)} failed ({process.ExitCode}): {await stderr}");
        }

        _ = await stdout;
        return new Measured(clock.Elapsed, peak);
    }

    private static async Task<(double StartupSeconds, double FirstPageMs, double ResidentMb)> ServeAsync(string dir)
    {
        var started = Stopwatch.StartNew();
        await using var server = ServeProcess.Start(dir, []);
        var link = await server.LinkAsync();
        var startup = started.Elapsed.TotalSeconds;
        using var handler = new HttpClientHandler { CookieContainer = new System.Net.CookieContainer() };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(new Uri(link).GetLeftPart(UriPartial.Authority)) };
        (await http.GetAsync(link)).EnsureSuccessStatusCode();
        var page = Stopwatch.StartNew();
        (await http.GetAsync("/history")).EnsureSuccessStatusCode();
        var firstPage = page.Elapsed.TotalMilliseconds;
        return (startup, firstPage, ProcMemory.Mb(server.Process.Id));
    }

    private static long DatabaseBytes(string db) =>
        NightLegDatabase.FilesOf(db).Where(File.Exists).Sum(f => new FileInfo(f).Length);

    private static string Seconds(TimeSpan t) => t.TotalSeconds >= 90
        ? string.Create(CultureInfo.InvariantCulture, $"{t.TotalMinutes:0.0} min")
        : string.Create(CultureInfo.InvariantCulture, $"{t.TotalSeconds:0.0} s");

    private readonly record struct Measured(TimeSpan Wall, double PeakMb);
}
