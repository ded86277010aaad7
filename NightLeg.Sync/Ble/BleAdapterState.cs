namespace NightLeg.Sync.Ble;

/// <summary>Whether Bluetooth can be used.</summary>
public enum BleAdapterState
{
    /// <summary>An adapter is present and powered.</summary>
    Ready,

    /// <summary>An adapter is present but powered off (and could not be powered on).</summary>
    PoweredOff,

    /// <summary>No adapter (or no Bluetooth service) on this machine.</summary>
    Unavailable,
}
