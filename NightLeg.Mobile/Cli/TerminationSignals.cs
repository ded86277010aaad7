using System.Runtime.InteropServices;

namespace NightLeg.Mobile.Cli;

/// <summary>
/// SIGTERM and SIGINT end every command. The command's token is cancelled first, so one that can stop
/// cleanly does (serve flushes the night and closes the database); one stuck where no token reaches —
/// opening a named pipe no one writes, say — is ended after <see cref="Grace"/> with the signal's exit code
/// (143 or 130). What commands write goes to temporary names first, so an end at any point leaves no
/// half-written file in place. (System.CommandLine's own handler waits for a command stuck like that forever.)
/// </summary>
public sealed class TerminationSignals : IDisposable
{
    /// <summary>How long <c>serve</c> may take to stop: the host's 30 s shutdown, and a little.</summary>
    public static readonly TimeSpan ServeGrace = TimeSpan.FromSeconds(35);

    /// <summary>How long any other command may take to stop.</summary>
    public static readonly TimeSpan CommandGrace = TimeSpan.FromSeconds(3);

    private readonly CancellationTokenSource _stop;
    private readonly TextWriter _error;
    private readonly PosixSignalRegistration[] _registrations;
    private readonly TimeProvider _time;
    private ITimer? _grace; // held: a timer no one references may never fire
    private int _received;

    private TerminationSignals(CancellationTokenSource stop, TimeSpan grace, TextWriter error, TimeProvider time)
    {
        _stop = stop;
        _time = time;
        Grace = grace;
        _error = error;
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal), PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal)];
    }

    /// <summary>How long the command has to stop after the signal before the process ends anyway.</summary>
    public TimeSpan Grace { get; }

    /// <summary>The exit code of the signal received (143 for SIGTERM, 130 for SIGINT), or null.</summary>
    public int? ExitCode => Volatile.Read(ref _received) is var code and > 0 ? code : null;

    /// <summary>Handles both signals for the command in <paramref name="args"/>, cancelling <paramref name="stop"/>.</summary>
    public static TerminationSignals Register(string[] args, CancellationTokenSource stop, TextWriter error, TimeProvider time) =>
        new(stop, IsServe(args, time) ? ServeGrace : CommandGrace, error, time);

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _grace?.Dispose(); // the command ended within its grace
    }

    /// <summary><c>serve</c>, or no command at all (which serves).</summary>
    private static bool IsServe(string[] args, TimeProvider time) =>
        args.FirstOrDefault(a => !a.StartsWith('-')) is not { } first || first == "serve" ||
        !NightLegCommandLine.Create(time).Subcommands.Any(c => c.Name == first);

    private void OnSignal(PosixSignalContext context)
    {
        var code = context.Signal == PosixSignal.SIGINT ? 130 : 143;
        if (Interlocked.CompareExchange(ref _received, code, 0) != 0)
        {
            return; // the first signal decides; a second changes nothing (the grace is already running)
        }

        context.Cancel = true; // not the runtime's immediate end: the command gets its grace
        // The end after the grace is set first, and the token cancelled off the signal's thread: whatever cancelling
        // runs (callbacks on the command's token) cannot keep the end from coming.
        _grace = _time.CreateTimer(_ =>
        {
            _error.WriteLine($"nightleg: stopped by {(code == 130 ? "SIGINT" : "SIGTERM")} (the command did not end within {Grace.TotalSeconds:0} s)");
            _error.Flush();
            Environment.Exit(code);
        }, null, Grace, Timeout.InfiniteTimeSpan);
        _ = Task.Run(_stop.Cancel);
    }
}
