using System.Buffers.Binary;
using NightLeg.Sync.Gatt;

namespace NightLeg.Sync.Devices.InfiniTime;

/// <summary>
/// InfiniTime Motion Service (InfiniTime ≥ 1.7, doc/MotionService.md): step count and raw
/// accelerometer. Pure and thread-safe.
/// </summary>
public static class InfiniTimeMotionDecoder
{
    /// <summary>Raw accelerometer units per g: the BMA421 is read as 1/1024 g ("binary milli-g").</summary>
    public const double RawPerG = 1024.0;

    /// <summary>Step count 00030001: uint32 little-endian.</summary>
    public static DecodeResult<uint> DecodeSteps(ReadOnlySpan<byte> payload) =>
        payload.Length == 4
            ? DecodeResult<uint>.Success(BinaryPrimitives.ReadUInt32LittleEndian(payload))
            : DecodeResult<uint>.Failure(payload.IsEmpty ? DecodeErrorKind.Empty : DecodeErrorKind.LengthMismatch,
                $"infinitime-steps: expected 4 bytes (uint32), got {payload.Length}");

    /// <summary>Raw XYZ 00030002: int16 X, Y, Z; returned in g.</summary>
    public static DecodeResult<InfiniTimeAcceleration> DecodeRawXyz(ReadOnlySpan<byte> payload)
    {
        if (payload.Length != 6)
        {
            return DecodeResult<InfiniTimeAcceleration>.Failure(payload.IsEmpty ? DecodeErrorKind.Empty : DecodeErrorKind.LengthMismatch,
                $"infinitime-motion: expected 6 bytes (int16 x, y, z), got {payload.Length}");
        }

        return DecodeResult<InfiniTimeAcceleration>.Success(new InfiniTimeAcceleration(
            BinaryPrimitives.ReadInt16LittleEndian(payload) / RawPerG,
            BinaryPrimitives.ReadInt16LittleEndian(payload[2..]) / RawPerG,
            BinaryPrimitives.ReadInt16LittleEndian(payload[4..]) / RawPerG));
    }

    /// <summary>Encodes raw XYZ as the watch sends it (for the simulated wearable and tests).</summary>
    public static byte[] EncodeRawXyz(double xG, double yG, double zG)
    {
        var bytes = new byte[6];
        BinaryPrimitives.WriteInt16LittleEndian(bytes, ToRaw(xG));
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(2), ToRaw(yG));
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(4), ToRaw(zG));
        return bytes;
    }

    private static short ToRaw(double g) => (short)Math.Clamp(Math.Round(g * RawPerG), short.MinValue, short.MaxValue);
}
