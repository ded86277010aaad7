namespace NightLeg.Sync.Ble;

/// <summary>
/// One notification (or read value) from a characteristic, as it arrived: the unit every transport
/// produces and every capture stores. Immutable; the payload must not be changed after creation.
/// </summary>
/// <param name="ReceivedAt">UTC instant it was received.</param>
/// <param name="Characteristic">The characteristic's UUID.</param>
/// <param name="Payload">The bytes.</param>
public readonly record struct GattNotification(DateTimeOffset ReceivedAt, Guid Characteristic, ReadOnlyMemory<byte> Payload)
{
    /// <summary>
    /// The longest attribute value Bluetooth allows (Core Specification Vol 3 Part F §3.2.9: 512
    /// octets); anything longer did not come from a characteristic and is refused unread.
    /// </summary>
    public const int MaxPayloadBytes = 512;
}
