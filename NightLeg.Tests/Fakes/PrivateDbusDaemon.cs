using System.Diagnostics;

namespace NightLeg.Tests.Fakes;

/// <summary>A real dbus-daemon on a private socket, for the lifetime of a test; killed on dispose.</summary>
public sealed class PrivateDbusDaemon : IDisposable
{
    private readonly Process _process;

    private PrivateDbusDaemon(Process process, string address)
    {
        _process = process;
        Address = address;
    }

    /// <summary>The bus address (unix:path=…).</summary>
    public string Address { get; }

    public static PrivateDbusDaemon Start()
    {
        var info = new ProcessStartInfo("dbus-daemon", "--session --nofork --nopidfile --print-address=1")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("dbus-daemon is not installed: `apt-get install -y dbus` (see README prerequisites)", e);
        }

        var address = process.StandardOutput.ReadLine();
        if (string.IsNullOrEmpty(address))
        {
            process.Kill();
            throw new InvalidOperationException($"dbus-daemon printed no address: {process.StandardError.ReadToEnd()}");
        }

        process.BeginErrorReadLine(); // "Failed to set fd limit" is harmless; drain it
        return new PrivateDbusDaemon(process, address.Trim());
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
