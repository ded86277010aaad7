using System.Runtime;
using Microsoft.AspNetCore.Components.Server.Circuits;
using NightLeg.Mobile.Hosting;

namespace NightLeg.Mobile.Web;

/// <summary>
/// Gives memory back once the browsers have gone. A bedside machine (a Raspberry Pi beside the bed)
/// runs NightLeg for months; the phone opens it a few times a night and in the morning. Each open page
/// is a Blazor circuit; when the last one has closed and nothing opened for <see cref="Quiet"/>, the
/// garbage collector compacts aggressively (returning its free regions to the system) and glibc's
/// allocator is asked to release its free pages (<c>malloc_trim</c>), so resident memory comes back
/// close to where it was before the browsers came. Thread-safe.
/// </summary>
public sealed partial class MemoryTrim(TimeProvider time, ILogger<MemoryTrim> logger) : CircuitHandler, IDisposable
{
    /// <summary>How long no circuit must be open before memory is given back.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(20);

    private readonly Lock _gate = new();
    private int _open;
    private ITimer? _timer;

    /// <summary>How many times memory has been given back (for tests and the log).</summary>
    public int Trims { get; private set; }

    /// <summary>Circuits open now.</summary>
    public int Open
    {
        get { lock (_gate) { return _open; } }
    }

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _open++;
            _timer?.Dispose();
            _timer = null;
        }

        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _open = Math.Max(0, _open - 1);
            if (_open == 0)
            {
                _timer?.Dispose();
                _timer = time.CreateTimer(_ => GiveBack(), null, Quiet, Timeout.InfiniteTimeSpan);
            }
        }

        return Task.CompletedTask;
    }

    private void GiveBack()
    {
        lock (_gate)
        {
            if (_open > 0)
            {
                return;
            }

            _timer?.Dispose();
            _timer = null;
        }

        var before = Environment.WorkingSet;
        // Twice: what the first collection found finalizable is freed by the second.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        NativeHeap.ReleaseFreePages();
        Trims++;
        LogGaveBack(logger, (before - Environment.WorkingSet) / (1024.0 * 1024.0), Environment.WorkingSet / (1024.0 * 1024.0));
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "No browser open: gave back {Freed:0} MB, resident {Resident:0} MB")]
    private static partial void LogGaveBack(ILogger logger, double freed, double resident);
}
