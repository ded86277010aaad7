namespace NightLeg.Sync.Live;

/// <summary>How the night sync service behaves. Validated at start.</summary>
public sealed class SyncOptions
{
    /// <summary>No heart rate for this long (wall time) means the link is dead even if still "connected".</summary>
    public TimeSpan Watchdog { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>First reconnect delay; doubles each failed attempt.</summary>
    public TimeSpan BackoffBase { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest reconnect delay.</summary>
    public TimeSpan BackoffCap { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Timeout of one connection attempt including service resolution and subscriptions.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Seconds of data per database write, and the flush period: the crash bound is this plus 2 s.</summary>
    public int BatchSeconds { get; set; } = 5;

    /// <summary>How often to look again for a paired device when there is none.</summary>
    public TimeSpan IdlePoll { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Throws when a value makes no sense.</summary>
    public void Validate()
    {
        if (Watchdog <= TimeSpan.Zero || BackoffBase <= TimeSpan.Zero || BackoffCap < BackoffBase || ConnectTimeout <= TimeSpan.Zero || BatchSeconds < 1 || IdlePoll <= TimeSpan.Zero)
        {
            throw new ArgumentException("invalid sync options: watchdog, backoff, timeout and batch must be positive, and the backoff cap at least its base");
        }
    }

    /// <summary>The delay before reconnect attempt <paramref name="attempt"/> (0-based): exponential, capped, with jitter in [½, 1].</summary>
    public TimeSpan Backoff(int attempt, Random random)
    {
        var exponential = BackoffBase.TotalSeconds * Math.Pow(2, Math.Min(attempt, 30));
        var capped = Math.Min(BackoffCap.TotalSeconds, exponential);
        return TimeSpan.FromSeconds(capped * (0.5 + (random.NextDouble() * 0.5)));
    }
}
