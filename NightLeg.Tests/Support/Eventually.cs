using System.Diagnostics;

namespace NightLeg.Tests.Support;

/// <summary>
/// Waiting for what happens on real time elsewhere — another process (nightleg, mosquitto, Chromium), a
/// real dbus-daemon, a socket, the thread pool — which no fake clock can drive. The tests' one polling loop:
/// a condition, checked every 20 ms, and a deadline that fails the test with what was awaited.
/// </summary>
public static class Eventually
{
    /// <summary>How long a test waits unless it says otherwise.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);

    /// <summary>True as soon as <paramref name="condition"/> holds; false if it did not within <paramref name="timeout"/>.</summary>
    public static Task<bool> HoldsAsync(Func<bool> condition, TimeSpan? timeout = null) =>
        HoldsAsync(() => Task.FromResult(condition()), timeout);

    /// <summary>As <see cref="HoldsAsync(Func{bool}, TimeSpan?)"/>, for a condition that has to ask (an HTTP endpoint, say).</summary>
    public static async Task<bool> HoldsAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)((timeout ?? DefaultTimeout).TotalSeconds * Stopwatch.Frequency);
        while (!await condition().ConfigureAwait(false))
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                return false;
            }

            // Real time: what is awaited runs in another process, a daemon or on another thread.
            await Task.Delay(Interval).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Waits until <paramref name="condition"/> holds, or fails the test naming <paramref name="what"/>.</summary>
    public static async Task AssertAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        Assert.True(await HoldsAsync(condition, timeout), $"timed out waiting for {what}");

    /// <summary>Waits until <paramref name="condition"/> holds, or fails the test naming <paramref name="what"/>.</summary>
    public static async Task AssertAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null) =>
        Assert.True(await HoldsAsync(condition, timeout), $"timed out waiting for {what}");

    /// <summary>For a caller that cannot await (a fixture's constructor): the same wait, blocking.</summary>
    public static bool Holds(Func<bool> condition, TimeSpan? timeout = null) =>
        HoldsAsync(condition, timeout).GetAwaiter().GetResult();
}
