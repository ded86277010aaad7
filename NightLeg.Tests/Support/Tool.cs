using System.Diagnostics;

namespace NightLeg.Tests.Support;

/// <summary>Runs a program of the machine (mosquitto_passwd, systemd-analyze, mount, kill) to its end.</summary>
public static class Tool
{
    /// <summary>Runs <paramref name="program"/> with <paramref name="args"/> (and <paramref name="environment"/> added); returns its exit code and output.</summary>
    public static (int Code, string Output, string Error) Run(string program, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error);
    }
}
