using System.Buffers.Binary;
using NightLeg.Domain.Samples;

namespace NightLeg.Sync.Storage;

/// <summary>
/// One minute of epochs in 480 bytes: per second a flags byte, heart rate (uint16, 0.1 bpm),
/// movement (uint16, 0.1 mg) and posture (3 × int8, unit vector × 127). About 550 bytes a minute in
/// LiteDB, ≈270 kB for an eight-hour night.
/// </summary>
internal static class EpochChunk
{
    public const int SecondSize = 8;
    public const int Size = 60 * SecondSize;

    private const byte HasHeartRate = 1;
    private const byte HasMovement = 2;
    private const byte HasPosture = 4;

    /// <summary>The minute's start in unix milliseconds.</summary>
    public static long MinuteOf(DateTimeOffset instant) => Math.DivRem(instant.ToUnixTimeSeconds(), 60, out var r) * 60_000 - (r < 0 ? 60_000 : 0);

    public static void Write(byte[] chunk, in SecondEpoch epoch)
    {
        var slot = chunk.AsSpan((int)(((epoch.Start.ToUnixTimeSeconds() % 60) + 60) % 60) * SecondSize, SecondSize);
        slot.Clear();
        byte flags = 0;
        if (epoch.HeartRateBpm is { } hr)
        {
            flags |= HasHeartRate;
            BinaryPrimitives.WriteUInt16LittleEndian(slot[1..], (ushort)Math.Clamp(Math.Round(hr * 10), 0, ushort.MaxValue));
        }

        if (epoch.MovementG is { } movement)
        {
            flags |= HasMovement;
            BinaryPrimitives.WriteUInt16LittleEndian(slot[3..], (ushort)Math.Clamp(Math.Round(movement * 10_000), 0, ushort.MaxValue));
        }

        if (epoch.Posture is { } p)
        {
            flags |= HasPosture;
            slot[5] = (byte)(sbyte)Math.Round(p.X * 127);
            slot[6] = (byte)(sbyte)Math.Round(p.Y * 127);
            slot[7] = (byte)(sbyte)Math.Round(p.Z * 127);
        }

        slot[0] = flags;
    }

    public static IEnumerable<SecondEpoch> Read(byte[] chunk, long minuteMs, DateTimeOffset from, DateTimeOffset to)
    {
        for (var i = 0; i < 60; i++)
        {
            var flags = chunk[i * SecondSize];
            if (flags == 0)
            {
                continue;
            }

            var start = DateTimeOffset.FromUnixTimeMilliseconds(minuteMs + (i * 1000L));
            if (start < from || start >= to)
            {
                continue;
            }

            var slot = chunk.AsSpan(i * SecondSize, SecondSize);
            double? hr = (flags & HasHeartRate) != 0 ? BinaryPrimitives.ReadUInt16LittleEndian(slot[1..]) / 10.0 : null;
            double? movement = (flags & HasMovement) != 0 ? BinaryPrimitives.ReadUInt16LittleEndian(slot[3..]) / 10_000.0 : null;
            // As stored (÷127, not renormalised), so that reading and writing again keeps every bit.
            Posture? posture = (flags & HasPosture) != 0 ? new Posture((sbyte)slot[5] / 127.0, (sbyte)slot[6] / 127.0, (sbyte)slot[7] / 127.0) : null;
            yield return new SecondEpoch(start, hr, movement, posture);
        }
    }

    public static int Count(byte[] chunk)
    {
        var n = 0;
        for (var i = 0; i < 60; i++)
        {
            n += chunk[i * SecondSize] != 0 ? 1 : 0;
        }

        return n;
    }
}
