using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace NightLeg.Tests.Support;

/// <summary>
/// Runs the real <c>nightleg</c> executable (the build copied beside the tests) as a child
/// process, so tests see exactly what a user at the terminal sees.
/// </summary>
public sealed partial class NightLegProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource<string> _url = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string> _link = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private NightLegProcess(Process process)
    {
        _process = process;
    }

    public string Stdout { get { lock (_stdout) { return _stdout.ToString(); } } }

    public string Stderr { get { lock (_stderr) { return _stderr.ToString(); } } }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public int Id => _process.Id;

    /// <summary>
    /// The <c>nightleg</c> executable the process tests run, when not the build beside them: <c>NIGHTLEG_UNDER_TEST</c>
    /// names a published one (CI runs the browser, web and command tests against the trimmed self-contained publish).
    /// </summary>
    public static string? UnderTest { get; } = Environment.GetEnvironmentVariable("NIGHTLEG_UNDER_TEST") is { Length: > 0 } path ? path : null;

    /// <summary>Starts <c>nightleg</c> with <paramref name="args"/>; output is collected as it comes.</summary>
    public static NightLegProcess Start(IEnumerable<string> args, IDictionary<string, string>? environment = null)
    {
        // Through env(1), with SIGINT and SIGTERM at their defaults: a test run started in the background (where the
        // shell ignores SIGINT, and children inherit that) still gives nightleg the signals a terminal would.
        var info = new ProcessStartInfo("env")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add("--default-signal=INT,TERM");
        info.ArgumentList.Add(UnderTest ?? "dotnet");
        if (UnderTest is null)
        {
            info.ArgumentList.Add(System.IO.Path.Combine(AppContext.BaseDirectory, "nightleg.dll"));
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var wrapper = new NightLegProcess(process);
        process.OutputDataReceived += (_, e) => wrapper.OnStdout(e.Data);
        process.ErrorDataReceived += (_, e) => wrapper.OnStderr(e.Data);
        process.Exited += (_, _) =>
        {
            wrapper._url.TrySetException(new InvalidOperationException($"nightleg exited ({process.ExitCode}) before listening.\n{wrapper.Stdout}\n{wrapper.Stderr}"));
            wrapper._link.TrySetException(new InvalidOperationException($"nightleg exited ({process.ExitCode}) before printing its link.\n{wrapper.Stdout}\n{wrapper.Stderr}"));
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return wrapper;
    }

    /// <summary>Runs <c>nightleg</c> to completion and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(IEnumerable<string> args, TimeSpan? timeout = null,
        IDictionary<string, string>? environment = null)
    {
        await using var process = Start(args, environment);
        await process.WaitForExitAsync(timeout ?? TimeSpan.FromSeconds(60));
        return (process.ExitCode, process.Stdout, process.Stderr);
    }

    /// <summary>Waits for the "listening on" line that <c>nightleg serve</c> prints, and returns the URL.</summary>
    public Task<string> WaitForUrlAsync(TimeSpan? timeout = null) => _url.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(60));

    /// <summary>Waits for the link that lets one browser in, which <c>nightleg serve</c> (without --lan) prints.</summary>
    public Task<string> WaitForLinkAsync(TimeSpan? timeout = null) => _link.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(60));

    /// <summary>
    /// An HTTP client at the served URL that has opened the printed link, as the user's browser does: it
    /// keeps the cookie. (Without --lan every page but /health needs it.)
    /// </summary>
    public async Task<HttpClient> LetInClientAsync()
    {
        var url = await WaitForUrlAsync();
        var link = await WaitForLinkAsync();
        var http = new HttpClient { BaseAddress = new Uri(url) };
        using var response = await http.GetAsync(link);
        if (!response.IsSuccessStatusCode)
        {
            http.Dispose();
            throw new InvalidOperationException($"the printed link {link} answered {(int)response.StatusCode}");
        }

        return http;
    }

    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
    }

    /// <summary>Ends the process the hard way (SIGKILL), as a crash or power loss would.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void OnStdout(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_stdout)
        {
            _stdout.AppendLine(line);
        }

        var match = ListeningLine().Match(line);
        if (match.Success)
        {
            _url.TrySetResult(match.Groups["url"].Value);
        }

        var link = LinkLine().Match(line);
        if (link.Success)
        {
            _link.TrySetResult(link.Groups["url"].Value);
        }
    }

    private void OnStderr(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_stderr)
        {
            _stderr.AppendLine(line);
        }
    }

    [GeneratedRegex(@"^NightLeg is listening on (?<url>\S+)")]
    private static partial Regex ListeningLine();

    [GeneratedRegex(@"^Open NightLeg .*: (?<url>http\S+)$")]
    private static partial Regex LinkLine();
}
