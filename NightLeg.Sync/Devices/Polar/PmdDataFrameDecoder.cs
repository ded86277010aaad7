using System.Buffers.Binary;
using NightLeg.Sync.Gatt;

namespace NightLeg.Sync.Devices.Polar;

/// <summary>
/// PMD data frames on <c>fb005c82</c>: byte 0 measurement type (low 6 bits), bytes 1–8 uint64
/// timestamp of the last sample (ns since 2000-01-01), byte 9 compressed flag + frame type, then
/// samples (Polar BLE SDK, PmdDataFrame and AccData). ACC raw types 0/1/2 (int8/16/24 ×3, mG) and
/// compressed 0x80 (×factor×1000 → mG) and 0x81 (×factor) are decoded. Pure and thread-safe.
/// </summary>
public static class PmdDataFrameDecoder
{
    /// <summary>Header bytes before the samples.</summary>
    public const int HeaderSize = 10;

    private const int Channels = 3;

    /// <summary>
    /// Decodes an ACC frame. <paramref name="factor"/> is the FACTOR from the start response (1.0
    /// when none); <paramref name="sampleRateHz"/> (the rate actually started) spaces the samples of the first frame;
    /// <paramref name="previousTimestampNs"/> is the previous frame's timestamp (null for the first).
    /// Integer results match Polar's SDK: float32 scaling truncated toward zero, timestamps rounded half to even.
    /// </summary>
    public static DecodeResult<PmdAccFrame> DecodeAcc(ReadOnlySpan<byte> frame, float factor, int sampleRateHz, ulong? previousTimestampNs)
    {
        if (frame.Length < HeaderSize)
        {
            return DecodeResult<PmdAccFrame>.Failure(frame.IsEmpty ? DecodeErrorKind.Empty : DecodeErrorKind.TooShort,
                $"pmd: a data frame has a {HeaderSize}-byte header, got {frame.Length} bytes");
        }

        if (frame.Length > Ble.GattNotification.MaxPayloadBytes)
        {
            return DecodeResult<PmdAccFrame>.Failure(DecodeErrorKind.LengthMismatch,
                $"pmd: a data frame travels in one notification of at most {Ble.GattNotification.MaxPayloadBytes} bytes, got {frame.Length}");
        }

        var measurementType = (byte)(frame[0] & 0x3F);
        var timestamp = BinaryPrimitives.ReadUInt64LittleEndian(frame[1..]);
        var compressed = (frame[9] & 0x80) != 0;
        var frameType = (byte)(frame[9] & 0x7F);
        var content = frame[HeaderSize..];

        if (measurementType != (byte)PmdMeasurementType.Acc)
        {
            return DecodeResult<PmdAccFrame>.Failure(DecodeErrorKind.Unsupported,
                $"pmd: measurement type {PmdMeasurementTypeNames.Name(measurementType)} ({measurementType}); NightLeg decodes ACC frames");
        }

        DecodeResult<int[][]> raw;
        if (compressed)
        {
            if (frameType > 1)
            {
                return DecodeResult<PmdAccFrame>.Failure(DecodeErrorKind.Unsupported, $"pmd: compressed ACC frame type 0x{frame[9]:x2} is not defined (0x80, 0x81)");
            }

            raw = PmdDeltaCodec.Decode(content, Channels, 16);
        }
        else
        {
            if (frameType > 2)
            {
                return DecodeResult<PmdAccFrame>.Failure(DecodeErrorKind.Unsupported, $"pmd: raw ACC frame type {frameType} is not defined (0, 1, 2)");
            }

            raw = DecodeRaw(content, frameType + 1);
        }

        if (!raw.IsSuccess)
        {
            return DecodeResult<PmdAccFrame>.Failure(raw.Error);
        }

        var values = raw.Value;
        if (values.Length == 0)
        {
            return DecodeResult<PmdAccFrame>.Failure(DecodeErrorKind.TooShort, "pmd: the frame holds no samples");
        }

        var timestamps = Timestamps(previousTimestampNs, timestamp, values.Length, sampleRateHz);
        if (!timestamps.IsSuccess)
        {
            return DecodeResult<PmdAccFrame>.Failure(timestamps.Error);
        }

        var samples = new PmdAccSample[values.Length];
        var accFactor = factor * 1000f; // compressed type 0 arrives in G: to milli-g, in float32 as Polar does
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            samples[i] = (compressed, frameType) switch
            {
                (true, 0) => new PmdAccSample(timestamps.Value[i], (int)(v[0] * accFactor), (int)(v[1] * accFactor), (int)(v[2] * accFactor)),
                (true, _) when factor != 1.0f => new PmdAccSample(timestamps.Value[i], (int)(v[0] * factor), (int)(v[1] * factor), (int)(v[2] * factor)),
                _ => new PmdAccSample(timestamps.Value[i], v[0], v[1], v[2]),
            };
        }

        return DecodeResult<PmdAccFrame>.Success(new PmdAccFrame(measurementType, frameType, compressed, timestamp, samples));
    }

    /// <summary>
    /// Per-sample times: evenly back from the frame's timestamp, spaced by (timestamp − previous) / n,
    /// or 1e9 / rate for the first frame; the last sample carries the frame timestamp exactly.
    /// </summary>
    public static DecodeResult<ulong[]> Timestamps(ulong? previousNs, ulong frameNs, int count, int sampleRateHz)
    {
        double delta;
        double start;
        if (previousNs is { } previous && previous != 0)
        {
            if (frameNs <= previous)
            {
                return DecodeResult<ulong[]>.Failure(DecodeErrorKind.InvalidValue, $"pmd: frame timestamp {frameNs} is not after the previous frame's {previous}");
            }

            delta = (frameNs - previous) / (double)count;
            start = previous + delta;
        }
        else
        {
            if (sampleRateHz <= 0)
            {
                return DecodeResult<ulong[]>.Failure(DecodeErrorKind.InvalidValue, "pmd: the first frame needs a sample rate to space its samples");
            }

            delta = 1e9 / sampleRateHz;
            start = frameNs - (delta * (count - 1));
            if (start < 0)
            {
                return DecodeResult<ulong[]>.Failure(DecodeErrorKind.InvalidValue, $"pmd: frame timestamp {frameNs} is too small for {count} samples at {sampleRateHz} Hz");
            }
        }

        var times = new ulong[count];
        for (var i = 0; i < count - 1; i++)
        {
            times[i] = (ulong)Math.Round(start + (delta * i), MidpointRounding.ToEven);
        }

        times[count - 1] = frameNs;
        return DecodeResult<ulong[]>.Success(times);
    }

    private static DecodeResult<int[][]> DecodeRaw(ReadOnlySpan<byte> content, int bytesPerValue)
    {
        var sampleSize = bytesPerValue * Channels;
        if (content.Length % sampleSize != 0)
        {
            return DecodeResult<int[][]>.Failure(DecodeErrorKind.LengthMismatch,
                $"pmd: {content.Length} sample bytes is not a whole number of {sampleSize}-byte samples (int{bytesPerValue * 8} × 3)");
        }

        var samples = new int[content.Length / sampleSize][];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = new int[Channels];
            for (var c = 0; c < Channels; c++)
            {
                var field = content.Slice((i * sampleSize) + (c * bytesPerValue), bytesPerValue);
                var value = 0;
                for (var b = 0; b < bytesPerValue; b++)
                {
                    value |= field[b] << (8 * b);
                }

                var shift = 32 - (8 * bytesPerValue);
                samples[i][c] = (value << shift) >> shift;
            }
        }

        return DecodeResult<int[][]>.Success(samples);
    }
}
