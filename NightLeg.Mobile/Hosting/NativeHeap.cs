using System.Runtime.InteropServices;

namespace NightLeg.Mobile.Hosting;

/// <summary>
/// glibc's allocator, tuned for a long-running bedside process. By default glibc gives each thread
/// that meets contention an arena of its own (up to 8 per core) and keeps their free pages: after
/// 100 browser sessions that held 14 MB nobody used (measured in docs/benchmarks.md). Two arenas
/// are plenty for NightLeg's few busy threads, and free pages can be handed back. Elsewhere than
/// glibc (musl, macOS, Windows) both are no-ops.
/// </summary>
public static class NativeHeap
{
    /// <summary>glibc's M_ARENA_MAX option of <c>mallopt</c>.</summary>
    private const int ArenaMaxOption = -8;

    /// <summary>Arenas glibc may create; set before the process's threads start allocating.</summary>
    public const int Arenas = 2;

    /// <summary>Caps glibc's arenas (what <c>MALLOC_ARENA_MAX=2</c> does, but from inside the process). Call first thing in Main.</summary>
    public static void LimitArenas()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is not null)
        {
            return;
        }

        try
        {
            _ = MallOpt(ArenaMaxOption, Arenas);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc.
        }
    }

    /// <summary>Returns the allocator's free pages to the system (glibc keeps them for reuse).</summary>
    public static void ReleaseFreePages()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            _ = MallocTrim(0);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc (musl, as on Alpine): its allocator gives pages back by itself.
        }
    }

#pragma warning disable SYSLIB1054 // Calls without marshalling; LibraryImport would need unsafe code enabled.
    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int MallOpt(int option, int value);

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
#pragma warning restore SYSLIB1054
}
