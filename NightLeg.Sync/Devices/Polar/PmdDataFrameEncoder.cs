using System.Buffers.Binary;

namespace NightLeg.Sync.Devices.Polar;

/// <summary>Writes PMD ACC data frames as a Polar H10 sends them (for the simulated wearable and tests). Pure and thread-safe.</summary>
public static class PmdDataFrameEncoder
{
    /// <summary>A raw frame type 1 (int16 × 3, mG) whose last sample is at <paramref name="lastSampleNs"/>.</summary>
    public static byte[] EncodeRawInt16(ulong lastSampleNs, IReadOnlyList<(int X, int Y, int Z)> samplesMg)
    {
        var bytes = new byte[PmdDataFrameDecoder.HeaderSize + (samplesMg.Count * 6)];
        WriteHeader(bytes, lastSampleNs, 0x01);
        var offset = PmdDataFrameDecoder.HeaderSize;
        foreach (var (x, y, z) in samplesMg)
        {
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(offset), Clamp(x));
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(offset + 2), Clamp(y));
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(offset + 4), Clamp(z));
            offset += 6;
        }

        return bytes;
    }

    /// <summary>A delta-compressed frame (0x80 or 0x81) of raw 16-bit values.</summary>
    public static byte[] EncodeCompressed(ulong lastSampleNs, byte frameType, IReadOnlyList<int[]> rawSamples)
    {
        var content = PmdDeltaCodec.Encode(rawSamples, 3, 16);
        var bytes = new byte[PmdDataFrameDecoder.HeaderSize + content.Length];
        WriteHeader(bytes, lastSampleNs, (byte)(0x80 | frameType));
        content.CopyTo(bytes.AsSpan(PmdDataFrameDecoder.HeaderSize));
        return bytes;
    }

    private static void WriteHeader(byte[] bytes, ulong lastSampleNs, byte frameType)
    {
        bytes[0] = (byte)PmdMeasurementType.Acc;
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(1), lastSampleNs);
        bytes[9] = frameType;
    }

    private static short Clamp(int value) => (short)Math.Clamp(value, short.MinValue, short.MaxValue);
}
