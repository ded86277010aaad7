namespace NightLeg.Sync.Gatt.Battery;

/// <summary>Battery Level 0x2A19: uint8 percent, 0–100 (Battery Service 1.0, §3.1). Pure and thread-safe.</summary>
public static class BatteryLevelDecoder
{
    /// <summary>Decodes the level in percent.</summary>
    public static DecodeResult<int> Decode(ReadOnlySpan<byte> payload)
    {
        if (payload.Length != 1)
        {
            return DecodeResult<int>.Failure(payload.IsEmpty ? DecodeErrorKind.Empty : DecodeErrorKind.LengthMismatch,
                $"battery: expected 1 byte, got {payload.Length}");
        }

        return payload[0] <= 100
            ? DecodeResult<int>.Success(payload[0])
            : DecodeResult<int>.Failure(DecodeErrorKind.InvalidValue, $"battery: level {payload[0]}% is above 100%");
    }
}
