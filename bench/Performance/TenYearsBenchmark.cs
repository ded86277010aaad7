using System.Diagnostics;
using System.Globalization;
using System.Net;
using NightLeg.Sync.Simulation;
using NightLeg.Sync.Storage;

namespace NightLeg.Bench.Performance;

/// <summary>
/// Ten years of nights behind the pages: a database of 3,650 nights with their diary and cramps (the sample
/// history's runner, <see cref="SampleHistory"/>; the nights' summaries without their seconds — the seconds' cost
/// is measured apart in "History"), served by the real <c>nightleg serve</c>, each page fetched over HTTP as a
/// browser's first request fetches it (the prerendered HTML): cold once, then the median of warm fetches.
/// </summary>
public static class TenYearsBenchmark
{
    private const int Nights = 3650;
    private const int WarmRuns = 7;

    public static async Task<int> Run(TextWriter output)
    {
        if (!File.Exists(ServeProcess.Program))
        {
            output.WriteLine($"(skipped: needs {ServeProcess.Program})");
            return 0;
        }

        var dir = ServeProcess.NewFolder("ten-years");
        var db = Path.Combine(dir, "nightleg.db");
        var lastNight = DateOnly.FromDateTime(DateTime.Now).AddDays(-1);
        var seeding = Stopwatch.StartNew();
        using (var database = NightLegDatabase.Open(new DatabaseOptions(db), TimeProvider.System))
        {
            SampleHistory.Seed(database, lastNight, Nights);
            new LiteDbSettingsRepository(database).Save(Domain.Storage.UserSettings.Default with { TimeZoneId = SampleHistory.Zone });
        }

        seeding.Stop();
        var started = Stopwatch.StartNew();
        await using var server = ServeProcess.Start(dir, []);
        var link = await server.LinkAsync();
        var startup = started.Elapsed.TotalSeconds;
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer() };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(new Uri(link).GetLeftPart(UriPartial.Authority)) };
        (await http.GetAsync(link)).EnsureSuccessStatusCode();

        var rows = new List<(string What, double ColdMs, double WarmMs, double Kb, string Target)>();
        async Task Page(string what, string path, string target)
        {
            var cold = await Fetch(http, path);
            var warm = new List<double>();
            for (var i = 0; i < WarmRuns; i++)
            {
                warm.Add((await Fetch(http, path)).Ms);
            }

            rows.Add((what, cold.Ms, Stats.Median(warm), cold.Bytes / 1024.0, target));
        }

        await Page("History, first view", "/history", "≤ 100 ms warm, ≤ 60 KB");
        await Page("a night's page", "/history/" + Uri.EscapeDataString(new Domain.Nights.NightId(lastNight.AddDays(-400), SampleHistory.Zone).ToString()), "≤ 50 ms");
        await Page("the doctor's report", "/report", "≤ 200 ms");
        await Page("Morning", "/morning", "≤ 50 ms");

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Ten years: {Nights:N0} nights of a runner with diary and cramps ({new FileInfo(db).Length / 1e6:0.0} MB without the seconds, made in {seeding.Elapsed.TotalSeconds:0.0} s), served by `nightleg serve`; each page fetched over HTTP as a browser first gets it (the prerendered HTML), cold once and then the median of {WarmRuns}. Start-up to the printed link: {startup:0.0} s."));
        output.WriteLine();
        output.WriteLine("| page | cold | warm | HTML | target |");
        output.WriteLine("|---|---|---|---|---|");
        foreach (var r in rows)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {r.What} | {r.ColdMs:0} ms | {r.WarmMs:0} ms | {r.Kb:0} KB | {r.Target} |"));
        }

        output.WriteLine();
        return 0;
    }

    private static async Task<(double Ms, long Bytes)> Fetch(HttpClient http, string path)
    {
        var watch = Stopwatch.StartNew();
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsByteArrayAsync();
        watch.Stop();
        response.EnsureSuccessStatusCode();
        return (watch.Elapsed.TotalMilliseconds, body.Length);
    }
}
