using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

namespace NightLeg.Bench.Performance;

/// <summary>
/// What a night costs the bedside machine: the real <c>nightleg serve --demo</c> at real speed (the demo
/// wearable plays its night at 1×, a notification a second and the chest strap's accelerometer), with one
/// phone connected — a Chromium page on Tonight, kept open, getting the live heart rate every second over
/// its Blazor circuit. After a minute to settle, the server's resident memory (VmRSS) is read every ten
/// seconds and its CPU time (utime + stime from /proc) at the start and end of the window. Targets: ≤ 120 MB
/// resident, ≤ 1 % of one core on average. With <c>--gc</c> the same night is measured under the runtime's
/// other garbage-collector settings, to show why NightLeg ships the ones it does.
/// </summary>
public static class LiveNightBenchmark
{

    /// <summary>The GC settings compared with <c>--gc</c>: as shipped, and what each of NightLeg's choices turns off.</summary>
    private static readonly (string Name, string? Environment)[] GcVariants =
    [
        ("as shipped (workstation, non-concurrent, ConserveMemory 5)", null),
        ("server GC (a heap per core)", "DOTNET_gcServer=1"),
        ("concurrent (background) GC", "DOTNET_gcConcurrent=1"),
        ("without ConserveMemory", "DOTNET_GCConserveMemory=0"),
    ];

    public static async Task<int> Run(TextWriter output, TimeSpan window, bool compareGc)
    {
        if (!File.Exists(HeadlessChromium.Path) || !File.Exists(ServeProcess.Program))
        {
            output.WriteLine($"(skipped: needs {HeadlessChromium.Path} and {ServeProcess.Program})");
            return 0;
        }

        // The build a bedside machine runs: self-contained and trimmed, as the Debian package ships it (unless one is named).
        var published = ServeProcess.UnderTest is null ? Directory.CreateTempSubdirectory("nightleg-bench-shipped-").FullName : null;
        var results = new List<(string Name, Measured M)>();
        try
        {
            ServeProcess.UnderTest ??= FootprintBenchmark.PublishShipped(published!);
            foreach (var (name, environment) in compareGc ? GcVariants : GcVariants[..1])
            {
                results.Add((name, await MeasureAsync(window, environment)));
            }
        }
        finally
        {
            if (published is not null)
            {
                ServeProcess.UnderTest = null;
                Directory.Delete(published, recursive: true);
            }
        }

        var shipped = results[0].M;
        output.WriteLine(Invariant($"The shipped build (self-contained, trimmed: what the Debian package installs) running `nightleg serve --demo --speed 1` (a Polar H10's night at real speed: heart rate every second, the accelerometer at 25 Hz) with one phone on Tonight (Chromium, 390×844, live updates every second); measured over {window.TotalMinutes:0} minutes after one to settle, {Environment.ProcessorCount} cores:"));
        output.WriteLine();
        output.WriteLine("| GC settings | resident, median | resident, max | of it private (heaps, compiled code), max | of it mapped files (the runtime's and NightLeg's code), max | CPU per hour of night | of one core | targets |");
        output.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var (name, m) in results)
        {
            output.WriteLine(Invariant($"| {name} | {m.MedianMb:0} MB | {m.MaxMb:0} MB | {m.PrivateMb:0} MB | {m.FileMb:0} MB | {m.CpuSecondsPerHour:0.0} s | {m.CorePercent:0.00} % | {(m == shipped ? "≤ 120 MB, ≤ 1 %" : string.Empty)} |"));
        }

        output.WriteLine();
        output.WriteLine(Invariant($"As shipped: **{shipped.MaxMb:0} MB** resident at most (target ≤ 120 MB: {(shipped.MaxMb <= 120 ? "met" : "not met")}; {shipped.PrivateMb:0} MB of it private, {shipped.FileMb:0} MB pages of mapped files the kernel can drop and shares with any other .NET process), **{shipped.CorePercent:0.00} %** of one core ({shipped.CpuSecondsPerHour:0} CPU seconds an hour; target ≤ 1 %: {(shipped.CorePercent <= 1 ? "met" : "not met")})."));
        output.WriteLine();
        return 0;
    }

    private static async Task<Measured> MeasureAsync(TimeSpan window, string? environment)
    {
        await using var serve = ServeProcess.Start(ServeProcess.NewFolder("live"), ["--demo", "--speed", "1"], environment);
        var server = serve.Process;
        var link = await serve.LinkAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(link);
        await page.GotoAsync(new Uri(new Uri(link), "/tonight").ToString());
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined && document.querySelector('[data-testid=connection]') !== null", null, new() { Timeout = 60_000 });

        // Settle: the night has started, the page is live.
        await Task.Delay(TimeSpan.FromMinutes(1));
        var cpuStart = CpuSeconds(server.Id);
        var clock = Stopwatch.StartNew();
        var resident = new List<double>();
        var privateMb = 0.0;
        var fileMb = 0.0;
        while (clock.Elapsed < window)
        {
            await Task.Delay(TimeSpan.FromSeconds(10));
            resident.Add(ProcMemory.Mb(server.Id));
            privateMb = Math.Max(privateMb, ProcMemory.Mb(server.Id, "RssAnon") + ProcMemory.Mb(server.Id, "RssShmem"));
            fileMb = Math.Max(fileMb, ProcMemory.Mb(server.Id, "RssFile"));
        }

        var cpu = CpuSeconds(server.Id) - cpuStart;
        var wall = clock.Elapsed.TotalSeconds;
        resident.Sort();
        return new Measured(resident[resident.Count / 2], resident[^1], privateMb, fileMb, cpu / wall * 3600, cpu / wall * 100);
    }

    /// <summary>The process's CPU time so far (user + system), from /proc/PID/stat.</summary>
    private static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // After the name: state is field 3; utime and stime are fields 14 and 15 (1-based), in clock ticks (100 a second on Linux).
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record Measured(double MedianMb, double MaxMb, double PrivateMb, double FileMb, double CpuSecondsPerHour, double CorePercent);
}
