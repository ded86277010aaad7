namespace NightLeg.Sync.Ble;

/// <summary>A Bluetooth operation failed; <see cref="Kind"/> says how, the message says what.</summary>
public sealed class BleException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BleException(BleErrorKind kind, string message, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
    }

    /// <summary>The kind of failure.</summary>
    public BleErrorKind Kind { get; }
}
