using System.Diagnostics;
using System.Text.RegularExpressions;

namespace NightLeg.Bench.Performance;

/// <summary>
/// The real <c>nightleg serve</c> (the build beside this benchmark) for a benchmark: started with a database in a
/// temporary folder of its own, its printed link read, every further line of its output handed on; killed and its
/// folder removed when disposed.
/// </summary>
internal sealed partial class ServeProcess : IAsyncDisposable
{
    private readonly TaskCompletionSource<string> _link = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServeProcess(Process process, string folder)
    {
        Process = process;
        Folder = folder;
    }

    /// <summary>A published <c>nightleg</c> to measure instead of the build beside this benchmark (<c>NIGHTLEG_UNDER_TEST</c>, as for the tests).</summary>
    public static string? UnderTest { get; set; } = Environment.GetEnvironmentVariable("NIGHTLEG_UNDER_TEST") is { Length: > 0 } path ? path : null;

    /// <summary>The program, beside this benchmark.</summary>
    public static string Program => Path.Combine(AppContext.BaseDirectory, "nightleg.dll");

    /// <summary>The running server.</summary>
    public Process Process { get; }

    /// <summary>Its folder (the database is <c>nightleg.db</c> in it).</summary>
    public string Folder { get; }

    /// <summary>A new temporary folder for a server's database (fill it before <see cref="Start"/>).</summary>
    public static string NewFolder(string name) => Directory.CreateTempSubdirectory($"nightleg-bench-{name}-").FullName;

    /// <summary>
    /// Starts <c>nightleg serve --urls http://127.0.0.1:0 --db FOLDER/nightleg.db</c> with <paramref name="arguments"/>;
    /// <paramref name="environment"/> is <c>K=V,K=V</c>; <paramref name="onLine"/> sees every line of its output.
    /// </summary>
    public static ServeProcess Start(string folder, IEnumerable<string> arguments, string? environment = null, Action<string>? onLine = null)
    {
        var info = new ProcessStartInfo(UnderTest ?? "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (UnderTest is null ? [Program] : Array.Empty<string>()).Concat(["serve", "--urls", "http://127.0.0.1:0", "--db", Path.Combine(folder, "nightleg.db")]).Concat(arguments))
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var pair in (environment ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            info.Environment[pair.Split('=')[0]] = pair.Split('=')[1];
        }

        var server = new ServeProcess(Process.Start(info)!, folder);
        _ = Task.Run(async () =>
        {
            // Read to the end, so the server never blocks writing.
            while (await server.Process.StandardOutput.ReadLineAsync() is { } line)
            {
                if (LinkLine().Match(line) is { Success: true } match)
                {
                    server._link.TrySetResult(match.Groups["url"].Value);
                }

                onLine?.Invoke(line);
            }

            server._link.TrySetException(new InvalidOperationException("nightleg serve printed no link"));
        });
        _ = server.Process.StandardError.ReadToEndAsync();
        return server;
    }

    /// <summary>The one-time link it printed (within a minute).</summary>
    public Task<string> LinkAsync() => _link.Task.WaitAsync(TimeSpan.FromSeconds(60));

    public async ValueTask DisposeAsync()
    {
        Process.Kill(entireProcessTree: true);
        await Process.WaitForExitAsync();
        Process.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file the killed server still held: the temp folder is cleaned by the system.
        }
    }

    [GeneratedRegex(@"^Open NightLeg .*: (?<url>http\S+)$")]
    private static partial Regex LinkLine();
}
