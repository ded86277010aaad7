using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace NightLeg.Bench.Performance;

/// <summary>
/// Prompt latency end to end: the real <c>nightleg serve --demo</c> and Chromium on Tonight. The server logs, for each
/// awakening it decides, when the deciding notification reached it (wall clock); the page records when each prompt
/// became visible (a MutationObserver, wall clock; same machine). The difference, over the night's prompts, is what a
/// user waits beyond the detector's own decision time. Each prompt is answered "later" so the next can show.
/// </summary>
public static partial class PromptLatencyBenchmark
{

    public static async Task<int> Run(TextWriter output, double speed = 120, int minutes = 5)
    {
        if (!File.Exists(HeadlessChromium.Path) || !File.Exists(ServeProcess.Program))
        {
            output.WriteLine($"(skipped: needs {HeadlessChromium.Path} and {ServeProcess.Program})");
            return 0;
        }

        var decided = new List<(Guid Id, DateTimeOffset Arrived, DateTimeOffset PromptAt)>();
        await using var server = ServeProcess.Start(ServeProcess.NewFolder("prompt"), ["--demo", "--speed", speed.ToString(CultureInfo.InvariantCulture)], onLine: line =>
        {
            if (DecidedLine().Match(line) is { Success: true } d)
            {
                lock (decided)
                {
                    decided.Add((Guid.Parse(d.Groups["id"].Value), DateTimeOffset.Parse(d.Groups["arrived"].Value, CultureInfo.InvariantCulture),
                        DateTimeOffset.Parse(d.Groups["prompt"].Value, CultureInfo.InvariantCulture)));
                }
            }
        });
        var link = await server.LinkAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        await context.AddInitScriptAsync("""
            window.__prompts = [];
            new MutationObserver(() => {
              const p = document.querySelector('[data-testid=cramp-prompt]');
              if (p && !window.__prompts.some(x => x.id === p.dataset.event)) { window.__prompts.push({ id: p.dataset.event, at: Date.now() }); }
            }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-event'] });
            """);
        var page = await context.NewPageAsync();
        await page.GotoAsync(link);
        await page.GotoAsync(new Uri(new Uri(link), "/tonight").ToString());
        var until = DateTime.UtcNow.AddMinutes(minutes);
        while (DateTime.UtcNow < until)
        {
            var later = page.Locator("[data-testid=answer-later]");
            if (await later.CountAsync() > 0)
            {
                await later.First.ClickAsync();
            }

            await Task.Delay(250);
        }

        var prompts = System.Text.Json.JsonSerializer.Deserialize<PromptSeen[]>(await page.EvaluateAsync<string>("() => JSON.stringify(window.__prompts)"),
            new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;
        List<(Guid Id, DateTimeOffset Arrived, DateTimeOffset PromptAt)> known;
        lock (decided)
        {
            known = [.. decided];
        }

        var latencies = prompts
            .Select(p => (Seen: DateTimeOffset.FromUnixTimeMilliseconds((long)p.At), Decision: known.FirstOrDefault(d => d.Id.ToString() == p.Id)))
            .Where(p => p.Decision.Id != Guid.Empty)
            .Select(p => (Total: (p.Seen - p.Decision.Arrived).TotalMilliseconds, Server: (p.Decision.PromptAt - p.Decision.Arrived).TotalMilliseconds))
            .ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"`nightleg serve --demo --speed {speed}` and Chromium on Tonight (390×844) for {minutes} min: {known.Count} awakenings decided, {prompts.Length} prompts seen, {latencies.Count} paired. From the deciding notification reaching NightLeg to the prompt visible on the page:"));
        output.WriteLine();
        output.WriteLine("| prompts | median | max | of which in the server (median) | target |");
        output.WriteLine("|---|---|---|---|---|");
        output.WriteLine(latencies.Count == 0
            ? "| 0 | – | – | – | ≤ 1 s median, ≤ 2 s max |"
            : string.Create(CultureInfo.InvariantCulture,
                $"| {latencies.Count} | {Stats.Median([.. latencies.Select(l => l.Total)]):0} ms | {latencies.Max(l => l.Total):0} ms | {Stats.Median([.. latencies.Select(l => l.Server)]):0.0} ms | ≤ 1 s median, ≤ 2 s max |"));
        output.WriteLine();
        return 0;
    }

    private sealed record PromptSeen(string Id, double At);

    [GeneratedRegex(@"Awakening (?<id>[0-9a-f-]{36}) decided: its notification reached NightLeg at (?<arrived>\S+), the prompt went out at (?<prompt>\S+)")]
    private static partial Regex DecidedLine();
}
