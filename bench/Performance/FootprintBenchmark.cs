using System.Diagnostics;
using System.Globalization;

namespace NightLeg.Bench.Performance;

/// <summary>
/// What NightLeg costs a bedside machine on disk and at start: the self-contained publish for linux-arm64 (the
/// Raspberry Pi) and for this machine, each with and without ReadyToRun (precompiled code), its size, and — for this
/// machine's build — the start-up from launch to <c>/health</c> answering (median of 3, a fresh database each time).
/// The self-contained publish is trimmed (partially: NightLeg.Mobile.csproj says what is kept whole); the untrimmed
/// build is measured beside it.
/// </summary>
public static class FootprintBenchmark
{
    private const int Starts = 3;

    public static async Task<int> Run(TextWriter output)
    {
        var root = FindRoot();
        var project = Path.Combine(root, "NightLeg.Mobile");
        var work = Directory.CreateTempSubdirectory("nightleg-bench-footprint-").FullName;
        var local = System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.Arm64 ? "linux-arm64" : "linux-x64";
        try
        {
            var rows = new List<(string Rid, bool Trimmed, bool R2r, double Mb, double? StartS)>();
            foreach (var rid in new[] { "linux-arm64", local }.Distinct())
            {
                foreach (var (trimmed, r2r) in new[] { (true, false), (true, true), (false, false) })
                {
                    var dir = Path.Combine(work, $"{rid}-{(trimmed ? "trimmed" : "whole")}-{(r2r ? "r2r" : "jit")}");
                    Run("dotnet", "publish", project, "-c", "Release", "-r", rid, "--self-contained", $"-p:PublishTrimmed={(trimmed ? "true" : "false")}",
                        $"-p:PublishReadyToRun={(r2r ? "true" : "false")}", "-o", dir, "-nologo", "-v", "quiet");
                    var mb = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length) / 1e6;
                    double? start = rid == local ? await StartUpAsync(Path.Combine(dir, "nightleg"), work) : null;
                    rows.Add((rid, trimmed, r2r, mb, start));
                }
            }

            output.WriteLine("Self-contained publish of `nightleg` (the program, the .NET runtime, the app's web files); start-up from launch to `/health` answering on a fresh database, median of 3 on this machine (2 cores):");
            output.WriteLine();
            output.WriteLine("| build | trimmed | ReadyToRun | size | start-up to /health | target |");
            output.WriteLine("|---|---|---|---|---|---|");
            foreach (var r in rows)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {r.Rid} | {(r.Trimmed && !r.R2r ? "yes (shipped)" : r.Trimmed ? "yes" : "no")} | {(r.R2r ? "yes" : "no")} | {r.Mb:0} MB | {(r.StartS is { } s ? $"{s:0.00} s" : "– (not this machine's)")} | ≤ 80 MB, ≤ 3 s |"));
            }

            output.WriteLine();
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<double> StartUpAsync(string program, string work)
    {
        var times = new List<double>();
        for (var i = 0; i < Starts; i++)
        {
            var port = FreePort();
            var db = Path.Combine(work, $"start-{Guid.NewGuid():N}", "nightleg.db");
            var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { "serve", "--urls", $"http://127.0.0.1:{port}", "--db", db })
            {
                info.ArgumentList.Add(arg);
            }

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
            var watch = Stopwatch.StartNew();
            using var server = Process.Start(info)!;
            _ = server.StandardOutput.ReadToEndAsync();
            _ = server.StandardError.ReadToEndAsync();
            try
            {
                while (watch.Elapsed < TimeSpan.FromSeconds(60))
                {
                    try
                    {
                        if ((await http.GetAsync($"http://127.0.0.1:{port}/health")).IsSuccessStatusCode)
                        {
                            break;
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        // not listening yet
                    }

                    await Task.Delay(20);
                }

                times.Add(watch.Elapsed.TotalSeconds);
            }
            finally
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }
        }

        return Stats.Median(times);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Publishes the build NightLeg ships for this machine (self-contained, trimmed) into <paramref name="dir"/>; returns its executable.</summary>
    public static string PublishShipped(string dir)
    {
        var rid = System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.Arm64 ? "linux-arm64" : "linux-x64";
        Run("dotnet", "publish", Path.Combine(FindRoot(), "NightLeg.Mobile"), "-c", "Release", "-r", rid, "--self-contained", "-o", dir, "-nologo", "-v", "quiet");
        return Path.Combine(dir, "nightleg");
    }

    /// <summary>Runs <paramref name="program"/> to its end; throws with what it printed if it fails.</summary>
    internal static void Run(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed: {output.Result}{error.Result}");
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NightLeg.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
