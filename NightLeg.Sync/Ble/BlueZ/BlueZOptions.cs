namespace NightLeg.Sync.Ble.BlueZ;

/// <summary>Timeouts for the BlueZ adapter.</summary>
public sealed class BlueZOptions
{
    /// <summary>Timeout of every single D-Bus call.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long to wait for the characteristic objects after connecting.</summary>
    public TimeSpan ServicesTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
