using System.Globalization;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using NightLeg.Bench.Detection;
using NightLeg.Bench.Micro;
using NightLeg.Bench.Performance;
using NightLeg.Bench.Physiology;
using NightLeg.Domain.Detection;
using NightLeg.Sync.Simulation;

namespace NightLeg.Bench;

/// <summary>Runs every benchmark and writes docs/benchmarks.md.</summary>
public static class Report
{
    public static int Write(string path, bool microOnly = false)
    {
        if (microOnly)
        {
            Console.WriteLine(Micro());
            return 0;
        }

        var body = new StringWriter(CultureInfo.InvariantCulture);
        body.WriteLine("# NightLeg benchmarks");
        body.WriteLine();
        body.WriteLine("Regenerate with `dotnet run -c Release --project bench -- report` (≈45 minutes on two cores, most of it the bedside sections — ten years of seconds, the prompt's latency, the footprint, a live night — which `nightleg-bench scale` runs alone); it rewrites this file, and the real-against-synthetic table and plot of [physiology-model.md](physiology-model.md).");
        body.WriteLine($"Last run {DateTime.UtcNow:yyyy-MM-dd} on: {Machine()}.");
        body.WriteLine();
        body.WriteLine("## Detection");
        body.WriteLine();
        DetectionReport.Write(body);
        body.WriteLine();
        body.WriteLine("""
            The actigraphy scorers were built to score whole nights, not to alert: they need minutes of future data and turn
            every restless minute into an event. How the detector decides, every threshold and the measured trade-off between
            latency and false prompts with heart rate alone: [detector.md](detector.md).
            """);
        body.WriteLine();
        PhysiologyDoc.Update(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", "physiology-model.md"));
        body.WriteLine("## Performance");
        body.WriteLine();
        PerformanceBenchmark.Run(body, Path.Combine(Path.GetTempPath(), "nightleg-bench"));
        body.WriteLine("### Micro-benchmarks (BenchmarkDotNet, short run)");
        body.WriteLine();
        body.WriteLine(Micro());
        File.WriteAllText(path, body.ToString());
        Console.WriteLine(body.ToString());
        return 0;
    }

    private static string Micro()
    {
        var config = ManualConfig.CreateEmpty()
            // In-process: the generated-project toolchain cannot build under this repository's central package management.
            .AddJob(Job.ShortRun.WithToolchain(BenchmarkDotNet.Toolchains.InProcess.Emit.InProcessEmitToolchain.Instance))
            .AddLogger(NullLogger.Instance)
            .AddColumnProvider(DefaultConfig.Instance.GetColumnProviders().ToArray())
            .AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default)
            .WithOptions(ConfigOptions.DisableLogFile);
        var summaries = new[] { BenchmarkRunner.Run<DecoderBenchmarks>(config), BenchmarkRunner.Run<DetectorBenchmarks>(config) };
        var text = new StringWriter(CultureInfo.InvariantCulture);
        var logger = new TextLogger(text);
        foreach (Summary summary in summaries)
        {
            MarkdownExporter.GitHub.ExportToLog(summary, logger);
            text.WriteLine();
        }

        return string.Join('\n', text.ToString().Split('\n').Where(l => !l.StartsWith("```", StringComparison.Ordinal) && !l.StartsWith("BenchmarkDotNet", StringComparison.Ordinal)));
    }

    private static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return string.Create(CultureInfo.InvariantCulture,
            $"{cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}, {Environment.ProcessorCount} cores, {memory:0} GiB, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}");
    }
}
