using System.Globalization;
using Microsoft.Playwright;

namespace NightLeg.Bench.Performance;

/// <summary>Debian's Chromium, headless, as the benchmarks that open NightLeg's pages launch it.</summary>
internal static class HeadlessChromium
{
    /// <summary>Where Debian installs it.</summary>
    public const string Path = "/usr/bin/chromium";

    /// <summary>A headless Chromium without background traffic (no updates, sync or first-run pages).</summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = Path,
        Headless = true,
        Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
}

/// <summary>A process's memory as Linux counts it, from /proc/PID/status.</summary>
internal static class ProcMemory
{
    /// <summary>A memory line (VmRSS, VmHWM, RssAnon, RssFile, RssShmem) in MB; 0 once the process is gone.</summary>
    public static double Mb(int pid, string field = "VmRSS")
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
