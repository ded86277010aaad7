using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NightLeg.Evaluation;

namespace NightLeg.Bench.Performance;

/// <summary>
/// Prompt latency end to end, through each radio: the real <c>nightleg serve</c> and Chromium (390×844). The server
/// logs, for each awakening it decides, the deciding notification's own time, when it reached the server and when
/// the prompt went out (wall clock); the page records when each prompt became visible (a MutationObserver, wall
/// clock; same machine). Host radio: <c>serve --demo</c>, the page on Tonight; the notification enters NightLeg at
/// the server. Phone radio: a strap behind the page's Web Bluetooth (<see cref="FakeWebBluetooth"/>), the page
/// relaying on Devices; the notification enters NightLeg when the phone hands it to the page, and the figure
/// includes the relay's hop to the server. Each prompt is answered "later" so that the next can show.
/// </summary>
public static partial class PromptLatencyBenchmark
{
    private const string Target = "≤ 1 s median, ≤ 2 s max";

    /// <summary>The page's record of each prompt as it became visible: its event and the wall clock (<c>Date.now</c> may be the night's).</summary>
    private const string PromptObserver = """
        window.__prompts = [];
        new MutationObserver(() => {
          const p = document.querySelector('[data-testid=cramp-prompt]');
          if (p && !window.__prompts.some(x => x.id === p.dataset.event)) { window.__prompts.push({ id: p.dataset.event, at: performance.timeOrigin + performance.now() }); }
        }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-event'] });
        """;

    public static async Task<int> Run(TextWriter output, double speed = 120, int minutes = 5)
    {
        if (!File.Exists(HeadlessChromium.Path) || !File.Exists(ServeProcess.Program))
        {
            output.WriteLine($"(skipped: needs {HeadlessChromium.Path} and {ServeProcess.Program})");
            return 0;
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var host = await HostRadioAsync(browser, speed, minutes);
        var phone = await PhoneRadioAsync(browser, speed, minutes);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"`nightleg serve` and Chromium (390×844), {minutes} min of each at {speed}× real time. From the deciding notification entering NightLeg to the prompt visible on the page:"));
        output.WriteLine();
        output.WriteLine("| radio | where it enters | awakenings decided · prompts seen · paired | median | max | of which in the server (median) | target |");
        output.WriteLine("|---|---|---|---|---|---|---|");
        output.WriteLine(host.Row("host (`serve --demo`, page on Tonight)", "the server receives it"));
        output.WriteLine(phone.Row("phone (Web Bluetooth, page relaying on Devices)", "the phone hands it to the page"));
        output.WriteLine();
        return 0;
    }

    private static async Task<Measured> HostRadioAsync(IBrowser browser, double speed, int minutes)
    {
        var decided = new List<Decision>();
        await using var server = ServeProcess.Start(ServeProcess.NewFolder("prompt"), ["--demo", "--speed", speed.ToString(CultureInfo.InvariantCulture)], onLine: line => Collect(decided, line));
        var link = await server.LinkAsync();
        await using var context = await browser.NewContextAsync(Phone);
        await context.AddInitScriptAsync(PromptObserver);
        var page = await context.NewPageAsync();
        await page.GotoAsync(link);
        await page.GotoAsync(new Uri(new Uri(link), "/tonight").ToString());
        var prompts = await AnswerLaterAsync(page, minutes);

        // The notification entered NightLeg when the server received it.
        return Pair(decided, prompts, d => d.Arrived);
    }

    private static async Task<Measured> PhoneRadioAsync(IBrowser browser, double speed, int minutes)
    {
        var folder = ServeProcess.NewFolder("prompt-phone");
        var capture = Path.Combine(folder, "strap.capture");
        var hours = minutes * speed / 60;
        FootprintBenchmark.Run("dotnet", [ServeProcess.Program, "simulate", "--seed", "1", "--cramps", Math.Max(1, (int)hours).ToString(CultureInfo.InvariantCulture), "--device", "hr-strap",
            "--hours", hours.ToString("0.##", CultureInfo.InvariantCulture), "--out", capture]);
        var decided = new List<Decision>();
        await using var server = ServeProcess.Start(folder, [], onLine: line => Collect(decided, line));
        var link = await server.LinkAsync();
        await using var context = await browser.NewContextAsync(Phone);
        await context.AddInitScriptAsync(FakeWebBluetooth.Script(capture, "Simulated HR strap", speed));
        await context.AddInitScriptAsync(PromptObserver);
        var page = await context.NewPageAsync();
        await page.GotoAsync(link);
        await page.GotoAsync(new Uri(new Uri(link), "/devices").ToString());
        await page.Locator("[data-testid=use-phone]").ClickAsync();
        await page.WaitForSelectorAsync("[data-relay-status=relaying]", new() { Timeout = 30_000 });
        var prompts = await AnswerLaterAsync(page, minutes);

        // The notification entered NightLeg when the phone handed it to the page: look up its wall-clock time by its own.
        var times = await page.EvaluateAsync<double[]>("() => window.__fakeBle.deliveredTimes");
        var walls = await page.EvaluateAsync<double[]>("() => window.__fakeBle.deliveredWall");
        var handed = new Dictionary<long, double>();
        for (var i = 0; i < Math.Min(times.Length, walls.Length); i++)
        {
            handed.TryAdd((long)times[i], walls[i]);
        }

        return Pair(decided, prompts, d => d.Notified is { } t && handed.TryGetValue(t.ToUnixTimeMilliseconds(), out var wall) ? DateTimeOffset.FromUnixTimeMilliseconds((long)wall) : null);
    }

    private static BrowserNewContextOptions Phone => new() { ViewportSize = new ViewportSize { Width = 390, Height = 844 } };

    /// <summary>Answers each prompt "later" for <paramref name="minutes"/>; returns the prompts the page saw.</summary>
    private static async Task<PromptSeen[]> AnswerLaterAsync(IPage page, int minutes)
    {
        var until = Stopwatch.StartNew();
        while (until.Elapsed < TimeSpan.FromMinutes(minutes))
        {
            var later = page.Locator("[data-testid=answer-later]");
            if (await later.CountAsync() > 0)
            {
                await later.First.ClickAsync();
            }

            await Task.Delay(250);
        }

        return JsonSerializer.Deserialize<PromptSeen[]>(await page.EvaluateAsync<string>("() => JSON.stringify(window.__prompts)"), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    private static void Collect(List<Decision> decided, string line)
    {
        if (DecidedLine().Match(line) is { Success: true } d)
        {
            lock (decided)
            {
                decided.Add(new Decision(Guid.Parse(d.Groups["id"].Value), Instant(d.Groups["notified"].Value), Instant(d.Groups["arrived"].Value)!.Value,
                    Instant(d.Groups["prompt"].Value)!.Value));
            }
        }
    }

    private static DateTimeOffset? Instant(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) ? instant : null;

    private static Measured Pair(List<Decision> decided, PromptSeen[] prompts, Func<Decision, DateTimeOffset?> entered)
    {
        List<Decision> known;
        lock (decided)
        {
            known = [.. decided];
        }

        var latencies = prompts
            .Select(p => (Seen: DateTimeOffset.FromUnixTimeMilliseconds((long)p.At), Decision: known.FirstOrDefault(d => d.Id.ToString() == p.Id)))
            .Where(p => p.Decision is not null && entered(p.Decision) is not null)
            .Select(p => (Total: (p.Seen - entered(p.Decision!)!.Value).TotalMilliseconds, Server: (p.Decision!.PromptAt - p.Decision.Arrived).TotalMilliseconds))
            .ToList();
        return new Measured(known.Count, prompts.Length, latencies);
    }

    private sealed record Decision(Guid Id, DateTimeOffset? Notified, DateTimeOffset Arrived, DateTimeOffset PromptAt);

    private sealed record PromptSeen(string Id, double At);

    private sealed record Measured(int Decided, int Seen, List<(double Total, double Server)> Latencies)
    {
        public string Row(string radio, string enters) => Latencies.Count == 0
            ? $"| {radio} | {enters} | {Decided} · {Seen} · 0 | – | – | – | {Target} |"
            : string.Create(CultureInfo.InvariantCulture,
                $"| {radio} | {enters} | {Decided} · {Seen} · {Latencies.Count} | {Stats.Median([.. Latencies.Select(l => l.Total)]):0} ms | {Latencies.Max(l => l.Total):0} ms | {Stats.Median([.. Latencies.Select(l => l.Server)]):0.0} ms | {Target} |");
    }

    [GeneratedRegex(@"Awakening (?<id>[0-9a-f-]{36}) decided by the notification of (?<notified>\S*): it reached NightLeg at (?<arrived>\S+), the prompt went out at (?<prompt>\S+)")]
    private static partial Regex DecidedLine();
}
