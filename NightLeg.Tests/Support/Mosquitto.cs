using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace NightLeg.Tests.Support;

/// <summary>
/// A real mosquitto broker for one test, on a free loopback port, optionally with one user and
/// password (made with mosquitto_passwd). It can be stopped and started again on the same port, as a
/// broker restarted in the middle of the night is.
/// </summary>
public sealed class Mosquitto : IDisposable
{
    private readonly string _folder;
    private readonly string _config;
    private Process? _process;

    private Mosquitto(string folder, string config, int port)
    {
        _folder = folder;
        _config = config;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The broker URL without credentials.</summary>
    public string Url => $"mqtt://127.0.0.1:{Port}";

    /// <summary>Starts a broker (with <paramref name="user"/>:<paramref name="password"/> required when given).</summary>
    public static Mosquitto Start(string? user = null, string? password = null)
    {
        var folder = Directory.CreateTempSubdirectory("nightleg-mqtt-").FullName;
        var port = FreePort();
        var config = Path.Combine(folder, "mosquitto.conf");
        // Run as the test's own account (as root it would switch to "mosquitto", which cannot read our owner-only folder).
        var lines = new List<string> { $"listener {port} 127.0.0.1", "persistence false", "log_dest stdout", $"user {Environment.UserName}" };
        if (user is null)
        {
            lines.Add("allow_anonymous true");
        }
        else
        {
            var passwords = Path.Combine(folder, "passwords");
            Run("mosquitto_passwd", "-b", "-c", passwords, user, password!);
            lines.Add("allow_anonymous false");
            lines.Add($"password_file {passwords}");
        }

        File.WriteAllLines(config, lines);
        var broker = new Mosquitto(folder, config, port);
        broker.Resume();
        return broker;
    }

    /// <summary>Stops the broker (clients see the connection drop).</summary>
    public void Stop()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Starts it again on the same port.</summary>
    public void Resume()
    {
        var info = new ProcessStartInfo("mosquitto") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(_config);
        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        if (!Eventually.Holds(Listening))
        {
            throw new TimeoutException($"mosquitto did not listen on port {Port}");
        }
    }

    private bool Listening()
    {
        try
        {
            using var probe = new TcpClient();
            probe.Connect(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return _process is { HasExited: true } exited ? throw new InvalidOperationException($"mosquitto exited ({exited.ExitCode}) on port {Port}") : false;
        }
    }

    public void Dispose()
    {
        Stop();
        Directory.Delete(_folder, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string program, params string[] args)
    {
        var (code, _, error) = Tool.Run(program, args);
        if (code != 0)
        {
            throw new InvalidOperationException($"{program} failed: {error}");
        }
    }
}
