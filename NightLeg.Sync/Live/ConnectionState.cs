namespace NightLeg.Sync.Live;

/// <summary>Where the link to the wearable is.</summary>
public enum ConnectionState
{
    /// <summary>No wearable paired.</summary>
    NoDevice,

    /// <summary>No Bluetooth adapter here.</summary>
    NoBluetooth,

    /// <summary>Connecting for the first time.</summary>
    Connecting,

    /// <summary>Connected and recording.</summary>
    Recording,

    /// <summary>The link was lost; reconnecting (a gap is being recorded).</summary>
    Reconnecting,
}
