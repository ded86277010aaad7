using System.Diagnostics;
using NightLeg.Tests.Support;

namespace NightLeg.Tests.Mobile.Cli;

/// <summary>
/// A real <c>nightleg</c> command (issue 20): the app packs as a .NET tool that installs and runs
/// from anywhere, and under <c>dotnet run</c> relative paths resolve where the command was typed.
/// </summary>
[Collection(RealTimeCollection.Name)]
public sealed class ToolPackageTests : IDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private readonly string _dir = Directory.CreateTempSubdirectory("nightleg-tool-").FullName;

    [Fact]
    public async Task PackedTool_Installs_AndRunsFromAnyFolder()
    {
        // Arrange: the package, as README's install line makes it (from the build the tests run on).
        var packages = Path.Combine(_dir, "packages");
        await RunAsync("dotnet", ["pack", RepositoryRoot.Combine("NightLeg.Mobile"), "-c", Configuration, "--no-build", "-o", packages], _dir);
        var tools = Path.Combine(_dir, "tools");

        // Act
        await RunAsync("dotnet", ["tool", "install", "--tool-path", tools, "--add-source", packages, "NightLeg"], _dir);
        var version = await RunAsync(Path.Combine(tools, "nightleg"), ["--version"], _dir);
        var work = Directory.CreateDirectory(Path.Combine(_dir, "work")).FullName;
        await RunAsync(Path.Combine(tools, "nightleg"), ["simulate", "--out", "n.capture", "--hours", "0.02"], work);

        // Assert
        Assert.StartsWith("0.1.0", version.Trim(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(work, "n.capture")));
    }

    [Fact]
    public async Task DotnetRun_WritesRelativePathsWhereTheCommandWasTyped()
    {
        var work = Directory.CreateDirectory(Path.Combine(_dir, "here")).FullName;

        await RunAsync("dotnet", ["run", "--project", RepositoryRoot.Combine("NightLeg.Mobile"), "-c", Configuration, "--no-build", "--",
            "simulate", "--out", "n.capture", "--hours", "0.02"], work);

        Assert.True(File.Exists(Path.Combine(work, "n.capture")), "simulate --out n.capture should write ./n.capture");
        Assert.False(File.Exists(RepositoryRoot.Combine("NightLeg.Mobile", "n.capture")));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // The system cleans its temp folder.
        }
    }

    private static async Task<string> RunAsync(string file, IEnumerable<string> args, string workingDirectory)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', info.ArgumentList)} exited {process.ExitCode}: {await output}{await error}");
        return await output;
    }
}
