using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

namespace NightLeg.Bench.Performance;

/// <summary>
/// Memory after browsers: the real <c>nightleg serve --demo</c> (the build beside this benchmark) and
/// Debian's Chromium. Rounds of 100 browser sessions — each a fresh browser context that opens Tonight,
/// waits for its live connection (a Blazor circuit), goes to History and closes — ten at a time; the
/// server's resident memory (VmRSS) is read before, after each round and for two minutes after the last.
/// Target: back within 20 MB of idle two minutes after the last round.
/// </summary>
public static class BrowserMemoryBenchmark
{

    public static async Task<int> Run(TextWriter output, int rounds = 4, int sessionsPerRound = 100, int parallel = 10, string? environment = null)
    {
        if (!File.Exists(HeadlessChromium.Path) || !File.Exists(ServeProcess.Program))
        {
            output.WriteLine($"(skipped: needs {HeadlessChromium.Path} and {ServeProcess.Program})");
            return 0;
        }

        await using var serve = ServeProcess.Start(ServeProcess.NewFolder("browsers"), ["--demo", "--speed", "1"], environment);
        var server = serve.Process;
        var link = await serve.LinkAsync();
        var baseUrl = new Uri(link).GetLeftPart(UriPartial.Authority);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);

        // The user's browser opens the printed link once; every session after carries its cookie.
        var first = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl });
        await (await first.NewPageAsync()).GotoAsync(link);
        var cookies = await first.StorageStateAsync();
        await first.CloseAsync();

        await Task.Delay(TimeSpan.FromSeconds(20));
        var idle = ProcMemory.Mb(server.Id);
        var idleSplit = Split(server.Id);
        var after = new List<double>();
        var failures = 0;
        for (var round = 0; round < rounds; round++)
        {
            using var gate = new SemaphoreSlim(parallel);
            var sessions = Enumerable.Range(0, sessionsPerRound).Select(async _ =>
            {
                await gate.WaitAsync();
                try
                {
                    await SessionAsync(browser, baseUrl, cookies);
                }
                catch (PlaywrightException)
                {
                    Interlocked.Increment(ref failures);
                }
                finally
                {
                    gate.Release();
                }
            });
            await Task.WhenAll(sessions);
            after.Add(ProcMemory.Mb(server.Id));
        }

        var settle = new List<(int Seconds, double Mb)>();
        for (var s = 15; s <= 120; s += 15)
        {
            await Task.Delay(TimeSpan.FromSeconds(15));
            settle.Add((s, ProcMemory.Mb(server.Id)));
        }

        var final = settle[^1].Mb;
        var finalSplit = Split(server.Id);
        output.WriteLine(Invariant($"`nightleg serve --demo` and Chromium: {rounds} rounds of {sessionsPerRound} browser sessions ({parallel} at a time; each opens Tonight, waits for its live connection, goes to History, closes){(failures > 0 ? $"; {failures} sessions failed" : string.Empty)}{(environment is null ? string.Empty : $"; environment {environment}")}. Server's resident memory:"));
        output.WriteLine();
        output.WriteLine("| idle | " + string.Join(" | ", after.Select((_, i) => $"after round {i + 1}")) + " | " + string.Join(" | ", settle.Select(s => $"+{s.Seconds} s")) + " | target |");
        output.WriteLine("|" + string.Concat(Enumerable.Repeat("---|", 2 + after.Count + settle.Count)));
        output.WriteLine(Invariant($"| {idle:0} MB | ") + string.Join(" | ", after.Select(a => Invariant($"{a:0} MB"))) + " | " +
            string.Join(" | ", settle.Select(s => Invariant($"{s.Mb:0} MB"))) + Invariant($" | ≤ idle + 20 MB two minutes after: **{final - idle:+0;-0} MB** |"));
        output.WriteLine();
        output.WriteLine(Invariant($"Of that, anonymous (heaps, compiled code) {idleSplit.Anon:0} → {finalSplit.Anon:0} MB and file-backed (mapped assemblies) {idleSplit.File:0} → {finalSplit.File:0} MB."));
        output.WriteLine();
        return 0;
    }

    private static async Task SessionAsync(IBrowser browser, string baseUrl, string cookies)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            StorageState = cookies,
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/tonight");
        // Interactive: the circuit is up when Blazor has rendered the live status.
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined && document.querySelector('[data-testid=connection]') !== null", null, new() { Timeout = 30_000 });
        await page.WaitForTimeoutAsync(500);
        await page.ClickAsync("a[href='history']");
        await page.WaitForURLAsync("**/history", new() { Timeout = 30_000 });
        await page.WaitForTimeoutAsync(300);
    }

    /// <summary>Resident memory split: anonymous (heaps, JIT code) and file-backed (mapped assemblies, which the system can drop).</summary>
    private static (double Anon, double File) Split(int pid) => (ProcMemory.Mb(pid, "RssAnon"), ProcMemory.Mb(pid, "RssFile"));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
