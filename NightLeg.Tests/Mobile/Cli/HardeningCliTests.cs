using System.Net;
using System.Net.Sockets;
using NightLeg.Tests.Support;

namespace NightLeg.Tests.Mobile.Cli;

/// <summary>
/// Every bad input the careful tester found gives one line on stderr naming the path (or option) and
/// the problem, a non-zero exit code, no stack trace (unless --verbose), and leaves files as they
/// were. (Issue 15, findings 1, 8, 9.)
/// </summary>
public sealed class HardeningCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("nightleg-hard-").FullName;

    private string Capture => Path.Combine(_dir, "n.capture");

    [Fact]
    public async Task Replay_DbOnANotesFile_RefusedInOneLine_NotesUntouched()
    {
        // Arrange: the tester's repro.
        await SimulateAsync();
        var notes = Path.Combine(_dir, "notes.txt");
        await File.WriteAllTextAsync(notes, "my notes\n");

        // Act
        var (code, _, stderr) = await NightLegProcess.RunAsync(["replay", Capture, "--db", notes]);

        // Assert
        Assert.Equal(1, code);
        AssertOneLine(stderr, notes, "not a NightLeg database");
        Assert.Equal("my notes\n", await File.ReadAllTextAsync(notes));
        Assert.False(File.Exists(notes + ".lock"));
    }

    [Theory]
    [InlineData("--speed", "NaN", "--speed is the demo's speed in times real time: more than 0 and at most 100000, not NaN")]
    [InlineData("--speed", "0", "more than 0 and at most 100000")]
    [InlineData("--speed", "1e9", "more than 0 and at most 100000")]
    public async Task Serve_NumericOptionsOutOfRange_OneLineWithTheRange(string option, string value, string expected)
    {
        var (code, _, stderr) = await CliRunner.RunAsync("serve", option, value, "--db", Path.Combine(_dir, "x.db"));

        Assert.Equal(2, code);
        AssertOneLine(stderr, expected);
        Assert.False(File.Exists(Path.Combine(_dir, "x.db")));
    }

    [Fact]
    public async Task Serve_PortInUse_OneLine_NothingLeftBehind()
    {
        // Issue 21: a failed start left a database, a lock file, keys/ and backups/ behind (and once said only
        // "unexpected InvalidOperationException: Queue empty.").
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var folder = Directory.CreateDirectory(Path.Combine(_dir, "fresh")).FullName;

        var (code, _, stderr) = await NightLegProcess.RunAsync(["serve", "--urls", $"http://127.0.0.1:{port}", "--db", Path.Combine(folder, "nightleg.db")]);

        Assert.Equal(1, code);
        AssertOneLine(stderr, $"http://127.0.0.1:{port}", "address already in use", "--urls");
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
    }

    [Fact]
    public async Task ReplayDb_ACaptureRefusedAtItsEnd_StoresNothing()
    {
        // Issue 21, R12: a capture refused at line 16,204 (the clock back an hour) had already stored 6,777 s and 2 events.
        await SimulateAsync();
        var lines = await File.ReadAllLinesAsync(Capture);
        var last = lines[^1].Split(',');
        var back = $"{long.Parse(last[0], System.Globalization.CultureInfo.InvariantCulture) - 3_600_000},{last[1]},{last[2]}";
        await File.AppendAllLinesAsync(Capture, [back]);
        var db = Path.Combine(_dir, "n.db");

        var (code, _, stderr) = await NightLegProcess.RunAsync(["replay", Capture, "--db", db]);

        Assert.Equal(1, code);
        AssertOneLine(stderr, Capture, $"line {lines.Length + 1}", "nothing was stored");
        Assert.False(File.Exists(db));
    }

    [Fact]
    public async Task ReplayDb_TheSameCaptureTwice_DoublesNothing()
    {
        // Issue 21, R12: the same capture replayed twice doubled its events (2 → 4) and the sleeper profile.
        var capture = Path.Combine(_dir, "c.capture");
        Assert.Equal(0, (await CliRunner.RunAsync("simulate", "--seed", "2", "--cramps", "2", "--device", "polar-h10", "--hours", "3", "--out", capture)).ExitCode);
        var db = Path.Combine(_dir, "n.db");

        Assert.Equal(0, (await CliRunner.RunAsync("replay", capture, "--db", db)).ExitCode);
        var once = await ExportAsync(db, "once.json");
        Assert.Equal(0, (await CliRunner.RunAsync("replay", capture, "--db", db)).ExitCode);
        var twice = await ExportAsync(db, "twice.json");

        Assert.True(once.Events > 0);
        Assert.Equal(once, twice);
    }

    private async Task<(int Events, int Seconds, string Sleeper)> ExportAsync(string db, string name)
    {
        var path = Path.Combine(_dir, name);
        var (code, _, stderr) = await CliRunner.RunAsync("export", "--db", db, "--out", path);
        Assert.True(code == 0, stderr);
        using var json = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(path));
        var nights = json.RootElement.GetProperty("nights").EnumerateArray().ToList();
        return (nights.Sum(n => n.GetProperty("events").GetArrayLength()), nights.Sum(n => n.GetProperty("seconds").GetArrayLength()),
            json.RootElement.GetProperty("sleeper").GetRawText());
    }

    [Fact]
    public async Task Export_AfterAKilledExport_TheLeftoverIsRemoved_OneOfARunningProcessIsNot()
    {
        // Issue 21, R8: kill -9 during an export left a hidden 74 MB ".e.json.<pid>.partial" that nothing removed.
        await SimulateAsync();
        var db = Path.Combine(_dir, "n.db");
        Assert.Equal(0, (await CliRunner.RunAsync("replay", Capture, "--db", db)).ExitCode);
        var killed = Path.Combine(_dir, ".e.json.2147483600.partial"); // a process that is not running
        var running = Path.Combine(_dir, $".e.json.{Environment.ProcessId}.partial");
        await File.WriteAllTextAsync(killed, "half an export");
        await File.WriteAllTextAsync(running, "being written");

        var (code, _, stderr) = await NightLegProcess.RunAsync(["export", "--db", db, "--out", Path.Combine(_dir, "e.json")]);

        Assert.True(code == 0, stderr);
        Assert.False(File.Exists(killed));
        Assert.True(File.Exists(running)); // this test process still runs
        Assert.True(File.Exists(Path.Combine(_dir, "e.json")));
    }

    /// <summary>Issue 21, R13: an output that is a named pipe hung the command (reading it to check what it holds) and SIGTERM did not end it.</summary>
    [Theory]
    [InlineData("backup")]
    [InlineData("export")]
    [InlineData("simulate")]
    public async Task Out_ANamedPipe_RefusedInOneLine_AtOnce(string command)
    {
        // Arrange: a database with a night in it, and a FIFO as the output.
        await SimulateAsync();
        var db = Path.Combine(_dir, "n.db");
        Assert.Equal(0, (await CliRunner.RunAsync("replay", Capture, "--db", db)).ExitCode);
        var fifo = Path.Combine(_dir, "out.pipe");
        Assert.Equal(0, Tool.Run("mkfifo", [fifo]).Code);
        string[] args = command == "simulate" ? ["simulate", "--out", fifo] : [command, "--db", db, "--out", fifo];

        // Act: a real process, given 30 s (it took for ever).
        var (code, _, stderr) = await NightLegProcess.RunAsync(args, TimeSpan.FromSeconds(30));

        // Assert
        Assert.Equal(1, code);
        AssertOneLine(stderr, fifo, "is not a regular file");
        Assert.True(File.Exists(fifo));
    }

    /// <summary>
    /// Issue 21: SIGTERM ends every command. A command stuck where no cancellation reaches (opening a named pipe
    /// that no one writes) ends within its grace with 143 and one line; serve stops cleanly with 0.
    /// </summary>
    [Theory]
    [InlineData("import", "TERM", 143)]
    [InlineData("replay", "TERM", 143)]
    [InlineData("replay", "INT", 130)]
    public async Task Signal_EndsACommandStuckOnANamedPipe(string command, string signal, int expectedCode)
    {
        // Arrange
        var fifo = Path.Combine(_dir, "in.pipe");
        Assert.Equal(0, Tool.Run("mkfifo", [fifo]).Code);
        await using var process = NightLegProcess.Start(command == "import" ? ["import", fifo, "--db", Path.Combine(_dir, "n.db")] : ["replay", fifo]);
        // The child must be inside open(2) of the pipe when the signal comes: one of its threads asleep in the kernel's FIFO open.
        await Eventually.AssertAsync(() => OpeningAFifo(process.Id), "the child blocked opening the pipe", TimeSpan.FromSeconds(60));

        // Act
        var sent = DateTime.UtcNow;
        Assert.Equal(0, Tool.Run("kill", [$"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]).Code);
        await process.WaitForExitAsync(TimeSpan.FromSeconds(20));

        // Assert
        Assert.Equal(expectedCode, process.ExitCode);
        Assert.True(DateTime.UtcNow - sent < TimeSpan.FromSeconds(10), $"took {(DateTime.UtcNow - sent).TotalSeconds:0.0} s");
        AssertOneLine(process.Stderr, $"stopped by SIG{signal}");
        Assert.False(File.Exists(Path.Combine(_dir, "n.db")));
    }

    /// <summary>
    /// Whether a thread of process <paramref name="pid"/> sleeps in open(2) of a FIFO no one has opened for writing (Linux: its
    /// wait channel) — other than the runtime's debugger transport, which waits on FIFOs of its own all along.
    /// </summary>
    private static bool OpeningAFifo(int pid)
    {
        foreach (var thread in Directory.EnumerateDirectories($"/proc/{pid}/task"))
        {
            try
            {
                if (File.ReadAllText(Path.Combine(thread, "wchan")) is "wait_for_partner" or "fifo_open" && File.ReadAllText(Path.Combine(thread, "comm")).Trim() != ".NET DebugPipe")
                {
                    return true;
                }
            }
            catch (IOException)
            {
                // The thread ended meanwhile.
            }
        }

        return false;
    }

    [Fact]
    public async Task SigTerm_StopsServeCleanly_WithZero()
    {
        var db = Path.Combine(_dir, "n.db");
        await using var process = NightLegProcess.Start(["serve", "--demo", "--speed", "100", "--urls", "http://127.0.0.1:0", "--db", db]);
        await process.WaitForLinkAsync();

        Assert.Equal(0, Tool.Run("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]).Code);
        await process.WaitForExitAsync(TimeSpan.FromSeconds(40));

        Assert.Equal(0, process.ExitCode);
        Assert.Equal(string.Empty, process.Stderr.Trim());
        using var reopened = NightLeg.Sync.Storage.NightLegDatabase.Open(new NightLeg.Sync.Storage.DatabaseOptions(db), TimeProvider.System); // closed, unlocked
        Assert.False(File.Exists(db + ".sock"));
    }

    /// <summary>Issue 21, R1: a value that is not even of the option's type, or an enum by number, is one line and exit 2 — never a crash.</summary>
    [Theory]
    [InlineData(new[] { "serve", "--speed", "abc" }, "--speed is a number (the demo's speed in times real time), not 'abc'")]
    [InlineData(new[] { "simulate", "--cramps", "NaN", "--out", "n.capture" }, "--cramps is a number of cramps from 0 to 20, not 'NaN'")]
    [InlineData(new[] { "simulate", "--cramps", "2147483648", "--out", "n.capture" }, "--cramps is a number of cramps from 0 to 20, not '2147483648'")]
    [InlineData(new[] { "simulate", "--cramps", "", "--out", "n.capture" }, "--cramps")]
    [InlineData(new[] { "simulate", "--hours", "abc", "--out", "n.capture" }, "--hours is a number (the night's length in hours), not 'abc'")]
    [InlineData(new[] { "decode", "--profile", "polar-pmd", "--factor", "abc", "00" }, "--factor is a number (the PMD scale factor), not 'abc'")]
    [InlineData(new[] { "decode", "--profile", "polar-pmd", "--sample-rate", "abc", "00" }, "--sample-rate")]
    [InlineData(new[] { "decode", "--profile", "nope", "00" }, "'nope'", "heart-rate")]
    [InlineData(new[] { "replay", "x.capture", "--sensitivity", "Extreme" }, "--sensitivity is one of Low, Normal, High, not 'Extreme'")]
    [InlineData(new[] { "replay", "x.capture", "--sensitivity", "5" }, "--sensitivity is one of Low, Normal, High, not '5'")]
    [InlineData(new[] { "replay", "x.capture", "--sensitivity", "-1" }, "--sensitivity is one of Low, Normal, High, not '-1'")]
    public async Task AnyCommand_ValueNotOfTheOptionsType_OneLineExitTwo(string[] args, params string[] expected)
    {
        var (code, _, stderr) = await NightLegProcess.RunAsync(args);

        Assert.Equal(2, code);
        AssertOneLine(stderr, expected);
    }

    [Theory]
    [InlineData(new[] { "--hours", "NaN" }, "--hours is the night's length in hours: more than 0 and at most 24, not NaN")]
    [InlineData(new[] { "--hours", "25" }, "at most 24")]
    [InlineData(new[] { "--cramps", "-5" }, "--cramps is a number of cramps from 0 to 20, not -5")]
    [InlineData(new[] { "--start", "1969-12-31T23:00:00Z" }, "--start: 1969-12-31T23:00:00Z is not between 2000 and 2099")]
    [InlineData(new[] { "--start", "9999-12-30T23:00:00Z" }, "is not between 2000 and 2099")]
    [InlineData(new[] { "--timezone", "Mars/Olympus" }, "unknown time zone \"Mars/Olympus\"")]
    public async Task Simulate_EdgeValues_RefusedInOneLineWithNothingWritten(string[] args, string expected)
    {
        var (code, _, stderr) = await CliRunner.RunAsync(["simulate", "--out", Capture, .. args]);

        Assert.Equal(2, code);
        AssertOneLine(stderr, expected);
        Assert.Empty(Directory.GetFileSystemEntries(_dir));
    }

    [Fact]
    public async Task Replay_ACaptureTimeAtTheEndOfTime_RefusedNamingTheLine()
    {
        await File.WriteAllTextAsync(Capture, "# nightleg-capture 1\n253402300799999,00002a37-0000-1000-8000-00805f9b34fb,0048\n");

        var (code, _, stderr) = await CliRunner.RunAsync("replay", Capture);

        Assert.Equal(1, code);
        AssertOneLine(stderr, Capture, "line 2:", "not between 2000 and 2100");
    }

    [Fact]
    public async Task Simulate_OutIntoAMissingFolder_OntoAFolder_OntoProc_OneLineEach()
    {
        var missing = await CliRunner.RunAsync("simulate", "--out", Path.Combine(_dir, "no", "n.capture"));
        var folder = await CliRunner.RunAsync("simulate", "--out", _dir);
        var proc = await CliRunner.RunAsync("simulate", "--out", "/proc/version");

        Assert.Equal(1, missing.ExitCode);
        AssertOneLine(missing.Stderr, Path.Combine(_dir, "no"), "does not exist");
        Assert.Equal(1, folder.ExitCode);
        AssertOneLine(folder.Stderr, _dir, "is a folder");
        Assert.Equal(1, proc.ExitCode);
        AssertOneLine(proc.Stderr, "/proc/version");
    }

    [Fact]
    public async Task Simulate_WhenTheTruthCannotBeWritten_LeavesNoCaptureBehind()
    {
        var (code, _, stderr) = await CliRunner.RunAsync("simulate", "--out", Capture, "--truth", Path.Combine(_dir, "no", "t.json"));

        Assert.Equal(1, code);
        AssertOneLine(stderr, "t.json");
        Assert.Empty(Directory.GetFileSystemEntries(_dir));
    }

    [Fact]
    public async Task Simulate_OntoAFileThatIsNotACapture_Refused_ButAnOldCaptureIsReplaced()
    {
        var notes = Path.Combine(_dir, "notes.txt");
        await File.WriteAllTextAsync(notes, "my notes\n");
        await SimulateAsync();
        var first = await File.ReadAllBytesAsync(Capture);

        var onNotes = await CliRunner.RunAsync("simulate", "--out", notes);
        var again = await CliRunner.RunAsync("simulate", "--seed", "2", "--hours", "0.2", "--out", Capture);

        Assert.Equal(1, onNotes.ExitCode);
        AssertOneLine(onNotes.Stderr, notes, "is not a capture");
        Assert.Equal("my notes\n", await File.ReadAllTextAsync(notes));
        Assert.Equal(0, again.ExitCode);
        Assert.NotEqual(first, await File.ReadAllBytesAsync(Capture));
        Assert.Empty(Directory.GetFiles(_dir, "*.partial"));
    }

    [Fact]
    public async Task Replay_DbAFolder_AndACaptureThatIsAFolder_OneLineEach()
    {
        await SimulateAsync();

        var dbFolder = await CliRunner.RunAsync("replay", Capture, "--db", _dir);
        var captureFolder = await CliRunner.RunAsync("replay", _dir);

        AssertOneLine(dbFolder.Stderr, _dir, "is a folder");
        AssertOneLine(captureFolder.Stderr, _dir, "is a folder");
        Assert.NotEqual(0, dbFolder.ExitCode);
        Assert.NotEqual(0, captureFolder.ExitCode);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("folder")]
    public async Task KeyFileMissingOrAFolder_OneLineNamingIt(string kind)
    {
        await SimulateAsync();
        var key = Path.Combine(_dir, "key");
        if (kind == "folder")
        {
            Directory.CreateDirectory(key);
        }

        var (code, _, stderr) = await NightLegProcess.RunAsync(["replay", Capture, "--db", Path.Combine(_dir, "n.db")],
            environment: new Dictionary<string, string> { ["NIGHTLEG_DB_KEY_FILE"] = key });

        Assert.Equal(1, code);
        AssertOneLine(stderr, key, kind == "folder" ? "is a folder" : "does not exist");
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("http://127.0.0.1:5180/some/path")]
    [InlineData("ftp://127.0.0.1:21")]
    public async Task Serve_UrlsThatAreNotUrls_OneLine(string urls)
    {
        var (code, _, stderr) = await CliRunner.RunAsync("serve", "--urls", urls, "--db", Path.Combine(_dir, "x.db"));

        Assert.Equal(2, code);
        AssertOneLine(stderr, $"--urls: \"{urls}\" is not a URL to listen on");
    }

    [Fact]
    public async Task Serve_RecordIntoAFolder_OneLine()
    {
        var (code, _, stderr) = await CliRunner.RunAsync("serve", "--record", _dir, "--db", Path.Combine(_dir, "x.db"));

        Assert.Equal(1, code);
        AssertOneLine(stderr, _dir, "is a folder");
    }

    [Fact]
    public async Task Serve_PortInUse_OneLineSayingSo_AndTheDatabaseIsReleased()
    {
        // Arrange: something else listens on the port.
        using var other = new TcpListener(IPAddress.Loopback, 0);
        other.Start();
        var port = ((IPEndPoint)other.LocalEndpoint).Port;
        var db = Path.Combine(_dir, "x.db");

        // Act
        var (code, _, stderr) = await NightLegProcess.RunAsync(["serve", "--urls", $"http://127.0.0.1:{port}", "--db", db]);

        // Assert
        Assert.Equal(1, code);
        AssertOneLine(stderr, $"127.0.0.1:{port}", "address already in use");
        using var reopened = NightLeg.Sync.Storage.NightLegDatabase.Open(new NightLeg.Sync.Storage.DatabaseOptions(db), TimeProvider.System);
    }

    [Fact]
    public async Task Verbose_AddsTheStackTrace_WithoutItThereIsNone()
    {
        var plain = await CliRunner.RunAsync("replay", Path.Combine(_dir, "missing.capture"));
        var verbose = await CliRunner.RunAsync("replay", Path.Combine(_dir, "missing.capture"), "--verbose");

        AssertOneLine(plain.Stderr, "missing.capture", "does not exist");
        Assert.StartsWith(plain.Stderr.TrimEnd(), verbose.Stderr);
        Assert.Contains("   at ", verbose.Stderr);
    }

    [Fact]
    public async Task Decode_APayloadLongerThanANotification_RefusedWithoutDecoding()
    {
        // 50 KB of zero-width PMD delta blocks once decoded into 376 MB of JSON.
        var hex = "02" + "0000000000000000" + "80" + "000000000000" + string.Concat(Enumerable.Repeat("00ff", 25_000));

        var (code, stdout, stderr) = await CliRunner.RunAsync("decode", "--profile", "polar-pmd", "--sample-rate", "25", hex);

        Assert.Equal(1, code);
        Assert.Empty(stdout);
        AssertOneLine(stderr, "longer than 512 bytes");
    }

    private async Task SimulateAsync()
    {
        var (code, _, stderr) = await CliRunner.RunAsync("simulate", "--seed", "3", "--hours", "0.2", "--out", Capture);
        Assert.True(code == 0, stderr);
    }

    /// <summary>Exactly one line on stderr, starting "nightleg:", holding every fragment, without a stack trace.</summary>
    private static void AssertOneLine(string stderr, params string[] fragments)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, $"expected one line, got {lines.Length}:\n{stderr}");
        Assert.StartsWith("nightleg: ", lines[0]);
        Assert.DoesNotContain("Exception", lines[0]);
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, lines[0]);
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
