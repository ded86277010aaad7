namespace NightLeg.Sync.Ble.BlueZ;

/// <summary>Timeouts for the BlueZ adapter.</summary>
public sealed class BlueZOptions
{
    /// <summary>Timeout of every single D-Bus call.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long to wait for the characteristic objects after connecting.</summary>
    public TimeSpan ServicesTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// A connect that fails with a transient abort (<c>le-connection-abort-by-local</c>, "Software
    /// caused connection abort": the controller gave up on one attempt) is retried this many times
    /// right away, before the sync service's normal backoff.
    /// </summary>
    public int QuickRetries { get; set; } = 3;

    /// <summary>Pause between quick retries.</summary>
    public TimeSpan QuickRetryDelay { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Adapter answers of <c>InProgress</c>/<c>NotReady</c> in a row after which it is switched off and on again.</summary>
    public int StuckAnswers { get; set; } = 3;

    /// <summary>How long to look for a device again after removing its stale cache.</summary>
    public TimeSpan RediscoverTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
