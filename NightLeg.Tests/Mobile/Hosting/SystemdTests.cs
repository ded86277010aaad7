using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NightLeg.Mobile.Hosting;
using NightLeg.Tests.Fakes;
using NightLeg.Tests.Support;

namespace NightLeg.Tests.Mobile.Hosting;

/// <summary>
/// NightLeg as a systemd service: the unit <c>install-service</c> writes (checked by systemd's own
/// <c>systemd-analyze verify</c>), a file not ours left alone, and the watchdog heartbeats that stop
/// when the night's loop hangs — over a real notify socket. (Issue 14.)
/// </summary>
[Collection(RealTimeCollection.Name)]
public sealed class SystemdTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("nightleg-systemd-").FullName;

    [Fact]
    public async Task InstallServicePrint_TheUnit_VerifiedBySystemd()
    {
        // Arrange: a database in a folder with a space in its name.
        var db = Path.Combine(_dir, "my data", "nightleg.db");

        // Act
        var (code, stdout, stderr) = await NightLegProcess.RunAsync(["install-service", "--print", "--db", db, "--lan"]);

        // Assert: the unit's promises, line by line.
        Assert.Equal(0, code);
        Assert.Empty(stderr);
        var lines = stdout.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Equal(SystemdUnit.Marker, lines[0]);
        Assert.Contains("Type=notify", lines);
        Assert.Contains("Restart=on-failure", lines);
        Assert.Contains("WatchdogSec=120s", lines);
        Assert.Contains("NoNewPrivileges=yes", lines);
        Assert.Contains("ProtectSystem=strict", lines);
        Assert.Contains("ProtectHome=read-only", lines);
        Assert.Contains("PrivateTmp=yes", lines);
        Assert.Contains("UMask=0077", lines);
        Assert.Contains($"ReadWritePaths=\"{Path.GetDirectoryName(db)}\"", lines);
        Assert.Contains("RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6 AF_NETLINK", lines);
        Assert.Contains($"User={Environment.UserName}", lines);
        Assert.Contains("WantedBy=multi-user.target", lines);
        var exec = Assert.Single(lines, l => l.StartsWith("ExecStart=", StringComparison.Ordinal));
        Assert.EndsWith($"nightleg.dll serve --db \"{db}\" --lan", exec);
        Assert.StartsWith("ExecStart=/", exec);

        // systemd itself reads it without a complaint.
        var unit = Path.Combine(_dir, SystemdUnit.FileName);
        await File.WriteAllTextAsync(unit, stdout);
        Directory.CreateDirectory(Path.GetDirectoryName(db)!);
        var (verifyCode, verifyOutput) = Run("systemd-analyze", null, "verify", "--man=no", unit);
        Assert.True(verifyCode == 0, verifyOutput);
        Assert.DoesNotContain(unit, verifyOutput, StringComparison.Ordinal); // every complaint names the file
    }

    [Fact]
    public void DebianPackagesUnit_IsTheOneSystemdUnitWrites_AndSystemdReadsIt()
    {
        var packaged = File.ReadAllText(RepositoryRoot.Combine("packaging", "deb", SystemdUnit.FileName));

        Assert.Equal(SystemdUnit.Packaged.Render(), packaged); // regenerate: the test's expected text is the file
        var lines = packaged.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains("ExecStart=/usr/lib/nightleg/nightleg serve --db /var/lib/nightleg/nightleg.db --lan", lines);
        Assert.Contains("User=nightleg", lines);
        Assert.Contains("ReadWritePaths=/var/lib/nightleg", lines);
    }

    [Fact]
    public async Task InstallService_NewlineInTheDatabasePath_RefusedInOneLine_NothingWritten()
    {
        // Issue 21, R9: the repro wrote an injected "ExecStartPre=" line into the unit and exited 0.
        var config = Path.Combine(_dir, "config");
        var environment = new Dictionary<string, string> { ["XDG_CONFIG_HOME"] = config };

        var (code, stdout, stderr) = await NightLegProcess.RunAsync(["install-service", "--user", "--db", Path.Combine(_dir, "n.db\nExecStartPre=/bin/touch /tmp/pwned")], environment: environment);
        var (printed, _, _) = await NightLegProcess.RunAsync(["install-service", "--print", "--db", Path.Combine(_dir, "n.db\rx")]);

        Assert.Equal(2, code);
        Assert.Equal("nightleg: the database path holds a line break or another control character; a systemd unit cannot carry it", stderr.Trim());
        Assert.DoesNotContain("ExecStartPre", stdout);
        Assert.False(Directory.Exists(Path.Combine(config, "systemd")));
        Assert.Equal(2, printed);
    }

    [Fact]
    public async Task InstallServiceUser_WritesTheUserUnit_SaysTheTwoCommands_NeverReplacesAFileNotOurs()
    {
        // Arrange
        var config = Path.Combine(_dir, "config");
        var environment = new Dictionary<string, string> { ["XDG_CONFIG_HOME"] = config };
        var db = Path.Combine(_dir, "nightleg.db");

        // Act 1: written.
        var (code, stdout, _) = await NightLegProcess.RunAsync(["install-service", "--user", "--db", db], environment: environment);

        // Assert 1
        var unit = Path.Combine(config, "systemd", "user", SystemdUnit.FileName);
        Assert.Equal(0, code);
        Assert.Contains($"Wrote {unit}", stdout);
        Assert.Contains("  systemctl --user daemon-reload", stdout);
        Assert.Contains("  systemctl --user enable --now nightleg.service", stdout);
        var text = await File.ReadAllTextAsync(unit);
        Assert.StartsWith(SystemdUnit.Marker, text);
        Assert.Contains("WantedBy=default.target", text);
        Assert.Contains("Type=notify", text);
        Assert.DoesNotContain("User=", text);
        var runtime = Directory.CreateDirectory(Path.Combine(_dir, "runtime")).FullName; // a user manager wants one
        var verified = Run("systemd-analyze", new Dictionary<string, string> { ["XDG_RUNTIME_DIR"] = runtime }, "verify", "--user", "--man=no", unit);
        Assert.True(verified.Code == 0 && !verified.Output.Contains(unit, StringComparison.Ordinal), verified.Output);

        // Act 2: written again over its own file: fine.
        var (again, _, _) = await NightLegProcess.RunAsync(["install-service", "--user", "--db", db], environment: environment);
        Assert.Equal(0, again);

        // Act 3: a unit the user wrote by hand is left byte for byte.
        var theirs = "[Service]\nExecStart=/usr/local/bin/my-own-nightleg\n"u8.ToArray();
        await File.WriteAllBytesAsync(unit, theirs);
        var (refused, _, stderr) = await NightLegProcess.RunAsync(["install-service", "--user", "--db", db], environment: environment);
        Assert.Equal(1, refused);
        Assert.Equal($"nightleg: {unit} exists and is not a NightLeg unit; NightLeg has not changed it. Choose another name", stderr.Trim());
        Assert.Equal(theirs, await File.ReadAllBytesAsync(unit));
    }

    [Fact]
    public async Task Serve_UnderASystemdWatchdog_SendsHeartbeatsToTheNotifySocket()
    {
        // Arrange: a notify socket as systemd makes one, and a watchdog of 1 s (heartbeats every 0.5 s).
        var path = Path.Combine(_dir, "notify");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        socket.ReceiveTimeout = 15_000;

        // Act
        await using var nightleg = NightLegProcess.Start(["serve", "--demo", "--urls", "http://127.0.0.1:0", "--db", Path.Combine(_dir, "nightleg.db")],
            new Dictionary<string, string> { ["NOTIFY_SOCKET"] = path, ["WATCHDOG_USEC"] = "1000000" });
        await nightleg.WaitForUrlAsync();
        var states = new List<string>();
        var buffer = new byte[256];
        while (states.Count(s => s == "WATCHDOG=1") < 3)
        {
            var read = socket.Receive(buffer);
            states.Add(Encoding.UTF8.GetString(buffer, 0, read));
        }

        // Assert
        Assert.True(states.Count(s => s == "WATCHDOG=1") >= 3, string.Join(", ", states));
    }

    [Fact]
    public async Task Watchdog_HungLoop_NoHeartbeat_OneLine_ThenHeartbeatsAgain()
    {
        // Arrange: a loop that hangs until released.
        var path = Path.Combine(_dir, "notify");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        var hung = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new ListLogger<SystemdWatchdog>();
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var interval = TimeSpan.FromMilliseconds(200);
        using var watchdog = new SystemdWatchdog(() => hung.Task, path, interval, time, log);

        // Act 1: hung while the clock moves an interval at a time, five past the first timeout.
        await watchdog.StartAsync(CancellationToken.None);
        await Eventually.AssertAsync(() => log.Count("has not answered") == 1 || Advance(time, interval), "the hung line");
        for (var i = 0; i < 5; i++)
        {
            time.Advance(interval);
        }

        var whileHung = watchdog.Heartbeats;

        // Act 2: the loop answers again: a heartbeat at once, then one each interval.
        hung.SetResult();
        await Eventually.AssertAsync(() => watchdog.Heartbeats >= 3 || Advance(time, interval), "three heartbeats");
        await watchdog.StopAsync(CancellationToken.None);

        // Assert
        Assert.Equal(0, whileHung);
        Assert.Equal(3, watchdog.Heartbeats);
        Assert.Equal(1, log.Count("has not answered"));
        Assert.Equal(LogLevel.Error, log.Lines.Single(l => l.Message.Contains("has not answered", StringComparison.Ordinal)).Level);
        socket.ReceiveTimeout = 1000;
        var buffer = new byte[64];
        Assert.Equal("WATCHDOG=1", Encoding.UTF8.GetString(buffer, 0, socket.Receive(buffer)));
    }

    /// <summary>Moves the fake clock one step (for a wait's condition); false, so the wait goes on.</summary>
    private static bool Advance(FakeTimeProvider time, TimeSpan step)
    {
        time.Advance(step);
        return false;
    }

    [Theory]
    [InlineData(null, "1000000", null, 0.5)]
    [InlineData("123", "1000000", null, 0)] // another process's watchdog
    [InlineData(null, null, null, 0)] // no watchdog asked for
    [InlineData(null, "1000000", "", 0)] // no socket
    public void FromEnvironment_OnlyWhenSystemdAskedThisProcess(string? pid, string? usec, string? socketOverride, double seconds)
    {
        var environment = new Dictionary<string, string?> { ["WATCHDOG_PID"] = pid, ["WATCHDOG_USEC"] = usec, ["NOTIFY_SOCKET"] = socketOverride ?? "/run/notify" };
        var watchdog = SystemdWatchdog.FromEnvironment(k => environment.GetValueOrDefault(k), () => Task.CompletedTask, TimeProvider.System, new ListLogger<SystemdWatchdog>());
        Assert.Equal(TimeSpan.FromSeconds(seconds), watchdog.Interval);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Output) Run(string program, Dictionary<string, string>? environment, params string[] args)
    {
        var (code, output, error) = Tool.Run(program, args, environment);
        return (code, output + error);
    }
}
