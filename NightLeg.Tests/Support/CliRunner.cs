using NightLeg.Mobile.Cli;

namespace NightLeg.Tests.Support;

/// <summary>Runs the <c>nightleg</c> command line in-process, capturing what it prints.</summary>
public static class CliRunner
{
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exitCode = await NightLegCli.RunAsync(args, stdout, stderr, TimeProvider.System);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }
}
