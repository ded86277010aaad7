namespace NightLeg.Sync.Ble;

/// <summary>What went wrong talking to a wearable, independent of the Bluetooth stack.</summary>
public enum BleErrorKind
{
    /// <summary>There is no usable Bluetooth adapter.</summary>
    NoAdapter,

    /// <summary>The device, service or characteristic is not there.</summary>
    NotFound,

    /// <summary>Another operation is still running (BlueZ <c>InProgress</c>); try again shortly.</summary>
    InProgress,

    /// <summary>Not allowed (BlueZ <c>NotPermitted</c>/<c>NotAuthorized</c>): pairing may be needed.</summary>
    NotPermitted,

    /// <summary>The device is not connected.</summary>
    NotConnected,

    /// <summary>The adapter is not ready (BlueZ <c>NotReady</c>: powering up, or wedged).</summary>
    NotReady,

    /// <summary>
    /// The device's services resolved but a characteristic they should have is not there: the stack's
    /// cache of its services is stale (typical after a firmware update).
    /// </summary>
    MissingCharacteristic,

    /// <summary>The operation did not finish in time.</summary>
    Timeout,

    /// <summary>It failed (BlueZ <c>Failed</c> and anything else).</summary>
    Failed,
}
