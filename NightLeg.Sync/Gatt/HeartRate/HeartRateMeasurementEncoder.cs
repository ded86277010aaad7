using System.Buffers.Binary;
using NightLeg.Domain.Samples;

namespace NightLeg.Sync.Gatt.HeartRate;

/// <summary>
/// Writes Heart Rate Measurement 0x2A37 payloads exactly as a device would (used by the simulated
/// wearable and the tests). Pure and thread-safe.
/// </summary>
public static class HeartRateMeasurementEncoder
{
    /// <summary>
    /// Encodes a measurement. The heart rate is uint8 when it fits unless <paramref name="forceUInt16"/>;
    /// RR intervals are given in raw 1/1024 s units.
    /// </summary>
    public static byte[] Encode(int heartRateBpm, SensorContact contact, int? energyExpendedKJ, ReadOnlySpan<ushort> rrRaw, bool forceUInt16 = false)
    {
        var wide = forceUInt16 || heartRateBpm > byte.MaxValue;
        var length = 1 + (wide ? 2 : 1) + (energyExpendedKJ is null ? 0 : 2) + (rrRaw.Length * 2);
        var bytes = new byte[length];
        byte flags = 0;
        if (wide)
        {
            flags |= 0x01;
        }

        flags |= contact switch
        {
            SensorContact.NotDetected => 0x04,
            SensorContact.Detected => 0x06,
            _ => 0x00,
        };
        if (energyExpendedKJ is not null)
        {
            flags |= 0x08;
        }

        if (!rrRaw.IsEmpty)
        {
            flags |= 0x10;
        }

        bytes[0] = flags;
        var offset = 1;
        if (wide)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(offset), (ushort)heartRateBpm);
            offset += 2;
        }
        else
        {
            bytes[offset++] = (byte)heartRateBpm;
        }

        if (energyExpendedKJ is { } energy)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(offset), (ushort)energy);
            offset += 2;
        }

        foreach (var rr in rrRaw)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(offset), rr);
            offset += 2;
        }

        return bytes;
    }

    /// <summary>An RR interval in milliseconds as the raw 1/1024 s unit, rounded to the nearest.</summary>
    public static ushort RrRawFromMs(double milliseconds) => (ushort)Math.Clamp(Math.Round(milliseconds * 1024.0 / 1000.0), 0, ushort.MaxValue);
}
