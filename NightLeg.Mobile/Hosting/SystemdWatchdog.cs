using System.Net.Sockets;
using System.Text;

namespace NightLeg.Mobile.Hosting;

/// <summary>
/// The systemd watchdog (<c>WatchdogSec=</c> in the unit): every half period it asks the night's
/// loop to catch up (<see cref="NightLeg.Sync.Live.NightSession.FlushAsync"/>) and, only if the loop
/// answers within that half period, sends <c>WATCHDOG=1</c> to <c>$NOTIFY_SOCKET</c>. A hung loop
/// therefore stops the heartbeats, and systemd restarts NightLeg (<c>Restart=on-failure</c>); the
/// samples already written are kept. Off when systemd asked for no watchdog. (Readiness and stopping
/// are told by Microsoft.Extensions.Hosting.Systemd.)
/// </summary>
public sealed partial class SystemdWatchdog : BackgroundService
{
    private readonly Func<Task> _probe;
    private readonly string? _socket;
    private readonly TimeProvider _time;
    private readonly ILogger<SystemdWatchdog> _logger;

    /// <summary>A watchdog pinging <paramref name="socket"/> every <paramref name="interval"/> while <paramref name="probe"/> completes in time.</summary>
    public SystemdWatchdog(Func<Task> probe, string? socket, TimeSpan interval, TimeProvider time, ILogger<SystemdWatchdog> logger)
    {
        _probe = probe;
        _socket = socket;
        Interval = interval;
        _time = time;
        _logger = logger;
    }

    /// <summary>How often the loop is probed (half of systemd's watchdog period); zero when off.</summary>
    public TimeSpan Interval { get; }

    /// <summary>Heartbeats sent so far.</summary>
    public long Heartbeats => Interlocked.Read(ref _heartbeats);

    private long _heartbeats;

    /// <summary>The watchdog systemd asked for through <c>WATCHDOG_USEC</c>/<c>WATCHDOG_PID</c>/<c>NOTIFY_SOCKET</c>, or an idle one.</summary>
    public static SystemdWatchdog FromEnvironment(Func<string, string?> environment, Func<Task> probe, TimeProvider time, ILogger<SystemdWatchdog> logger)
    {
        var socket = environment("NOTIFY_SOCKET");
        var pidText = environment("WATCHDOG_PID");
        var forUs = pidText is null || (int.TryParse(pidText, out var pid) && pid == Environment.ProcessId);
        var interval = forUs && long.TryParse(environment("WATCHDOG_USEC"), out var usec) && usec > 0 && !string.IsNullOrEmpty(socket)
            ? TimeSpan.FromMicroseconds(usec / 2.0)
            : TimeSpan.Zero;
        return new SystemdWatchdog(probe, socket, interval, time, logger);
    }

    /// <summary>Sends one state datagram (<c>WATCHDOG=1</c>, <c>READY=1</c>, …) to a notify socket (a path, or <c>@name</c> in the abstract namespace).</summary>
    public static void Notify(string socket, string state)
    {
        using var client = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        var path = socket.StartsWith('@') ? "\0" + socket[1..] : socket;
        client.SendTo(Encoding.UTF8.GetBytes(state), new UnixDomainSocketEndPoint(path));
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Interval <= TimeSpan.Zero || _socket is null)
        {
            return;
        }

        LogOn(Interval.TotalSeconds);
        var silent = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            var started = _time.GetUtcNow();
            bool answered;
            try
            {
                await _probe().WaitAsync(Interval, _time, stoppingToken);
                answered = true;
            }
            catch (TimeoutException)
            {
                answered = false;
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (answered)
            {
                try
                {
                    Notify(_socket, "WATCHDOG=1");
                    Interlocked.Increment(ref _heartbeats);
                    silent = false;
                }
                catch (SocketException e)
                {
                    LogNotifyFailed(_socket, e.Message);
                }
            }
            else if (!silent)
            {
                silent = true;
                LogHung(Interval.TotalSeconds);
            }

            var rest = Interval - (_time.GetUtcNow() - started);
            if (rest > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(rest, _time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "systemd watchdog: a heartbeat every {Seconds:0.#} s while the night's loop answers")]
    private partial void LogOn(double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "The night's loop has not answered for {Seconds:0.#} s; the systemd watchdog will restart NightLeg if it stays stuck")]
    private partial void LogHung(double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "systemd watchdog: cannot write to {Socket}: {Problem}")]
    private partial void LogNotifyFailed(string socket, string problem);
}
