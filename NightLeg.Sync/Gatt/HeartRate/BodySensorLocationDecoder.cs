namespace NightLeg.Sync.Gatt.HeartRate;

/// <summary>Body Sensor Location 0x2A38: one uint8 (Heart Rate Service 1.0, §3.2). Pure and thread-safe.</summary>
public static class BodySensorLocationDecoder
{
    /// <summary>Decodes the location; 7–255 are reserved and refused.</summary>
    public static DecodeResult<BodySensorLocation> Decode(ReadOnlySpan<byte> payload)
    {
        if (payload.Length != 1)
        {
            return DecodeResult<BodySensorLocation>.Failure(payload.IsEmpty ? DecodeErrorKind.Empty : DecodeErrorKind.LengthMismatch,
                $"body-sensor-location: expected 1 byte, got {payload.Length}");
        }

        return payload[0] <= (byte)BodySensorLocation.Foot
            ? DecodeResult<BodySensorLocation>.Success((BodySensorLocation)payload[0])
            : DecodeResult<BodySensorLocation>.Failure(DecodeErrorKind.InvalidValue, $"body-sensor-location: value {payload[0]} is reserved (0–6 are defined)");
    }
}
