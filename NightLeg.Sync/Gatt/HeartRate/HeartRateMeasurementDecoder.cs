using System.Buffers.Binary;
using NightLeg.Domain.Samples;

namespace NightLeg.Sync.Gatt.HeartRate;

/// <summary>
/// Heart Rate Measurement 0x2A37 (Bluetooth SIG Heart Rate Service 1.0, §3.1; GATT Specification
/// Supplement, "Heart Rate Measurement"). Pure and thread-safe.
/// </summary>
public static class HeartRateMeasurementDecoder
{
    private const byte HeartRateIsUInt16 = 0x01;
    private const byte ContactMask = 0x06;
    private const byte EnergyExpendedPresent = 0x08;
    private const byte RrIntervalsPresent = 0x10;

    /// <summary>Decodes one notification; a payload that breaks its own flags gives an error naming the field.</summary>
    public static DecodeResult<HeartRateMeasurement> Decode(ReadOnlySpan<byte> payload)
    {
        if (payload.IsEmpty)
        {
            return DecodeResult<HeartRateMeasurement>.Failure(DecodeErrorKind.Empty, "heart-rate: empty payload (no flags byte)");
        }

        var flags = payload[0];
        var offset = 1;
        int heartRate;
        if ((flags & HeartRateIsUInt16) != 0)
        {
            if (payload.Length < offset + 2)
            {
                return TooShort($"flags 0x{flags:x2} announce a uint16 heart rate but only {payload.Length - offset} byte follows the flags");
            }

            heartRate = BinaryPrimitives.ReadUInt16LittleEndian(payload[offset..]);
            offset += 2;
        }
        else
        {
            if (payload.Length < offset + 1)
            {
                return TooShort($"flags 0x{flags:x2} announce a uint8 heart rate but no byte follows the flags");
            }

            heartRate = payload[offset];
            offset += 1;
        }

        var contact = ((flags & ContactMask) >> 1) switch
        {
            2 => SensorContact.NotDetected,
            3 => SensorContact.Detected,
            _ => SensorContact.Unsupported,
        };

        int? energy = null;
        if ((flags & EnergyExpendedPresent) != 0)
        {
            if (payload.Length < offset + 2)
            {
                return TooShort($"flags 0x{flags:x2} announce Energy Expended (2 bytes at offset {offset}) but {payload.Length - offset} remain");
            }

            energy = BinaryPrimitives.ReadUInt16LittleEndian(payload[offset..]);
            offset += 2;
        }

        var remaining = payload.Length - offset;
        double[] rr = [];
        if ((flags & RrIntervalsPresent) != 0)
        {
            if (remaining == 0)
            {
                return TooShort($"flags 0x{flags:x2} announce RR intervals but no bytes remain after offset {offset}");
            }

            if (remaining % 2 != 0)
            {
                return DecodeResult<HeartRateMeasurement>.Failure(DecodeErrorKind.LengthMismatch,
                    $"heart-rate: {remaining} RR bytes after offset {offset} is not a whole number of uint16 intervals");
            }

            rr = new double[remaining / 2];
            for (var i = 0; i < rr.Length; i++)
            {
                // Unit 1/1024 s: raw 1024 is exactly 1000 ms (a binary fraction, so the double is exact).
                rr[i] = BinaryPrimitives.ReadUInt16LittleEndian(payload[(offset + (2 * i))..]) * 1000.0 / 1024.0;
            }
        }
        else if (remaining != 0)
        {
            return DecodeResult<HeartRateMeasurement>.Failure(DecodeErrorKind.LengthMismatch,
                $"heart-rate: {remaining} byte(s) after offset {offset} that flags 0x{flags:x2} do not announce");
        }

        return DecodeResult<HeartRateMeasurement>.Success(new HeartRateMeasurement(heartRate, contact, energy, rr));
    }

    private static DecodeResult<HeartRateMeasurement> TooShort(string message) =>
        DecodeResult<HeartRateMeasurement>.Failure(DecodeErrorKind.TooShort, "heart-rate: " + message);
}
