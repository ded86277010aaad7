using System.Buffers.Binary;
using NightLeg.Sync.Gatt;

namespace NightLeg.Sync.Devices.Polar;

/// <summary>
/// PMD delta compression: a reference sample (one signed little-endian value of
/// ceil(resolution/8) bytes per channel), then blocks <c>[width u8][count u8][bits]</c>; deltas are
/// two's complement of <c>width</c> bits, read least-significant bit first across bytes, channels
/// interleaved per sample; each sample is the previous plus its delta. Pure and thread-safe.
/// </summary>
public static class PmdDeltaCodec
{
    /// <summary>
    /// The most samples one frame may hold: a frame travels in one notification
    /// (<see cref="Ble.GattNotification.MaxPayloadBytes"/>), and a delta is at least one bit per channel,
    /// so no frame Polar sends comes near this. Blocks of zero-width deltas could otherwise announce
    /// 255 samples in 2 bytes each, without end.
    /// </summary>
    public static int MaxSamples(int channels) => 1 + (Ble.GattNotification.MaxPayloadBytes * 8 / channels);

    /// <summary>Decodes every sample as raw integers; an error names the block that breaks its length.</summary>
    public static DecodeResult<int[][]> Decode(ReadOnlySpan<byte> data, int channels, int resolutionBits)
    {
        if (data.Length > Ble.GattNotification.MaxPayloadBytes)
        {
            return DecodeResult<int[][]>.Failure(DecodeErrorKind.LengthMismatch,
                $"pmd: a frame travels in one notification of at most {Ble.GattNotification.MaxPayloadBytes} bytes, got {data.Length}");
        }

        var referenceSize = (resolutionBits + 7) / 8;
        if (data.Length < channels * referenceSize)
        {
            return DecodeResult<int[][]>.Failure(DecodeErrorKind.TooShort,
                $"pmd: a compressed frame starts with a {channels * referenceSize}-byte reference sample, got {data.Length} bytes");
        }

        var samples = new List<int[]>();
        var previous = new int[channels];
        var offset = 0;
        for (var c = 0; c < channels; c++)
        {
            previous[c] = ReadSigned(data.Slice(offset, referenceSize));
            offset += referenceSize;
        }

        samples.Add((int[])previous.Clone());
        var block = 0;
        while (offset < data.Length)
        {
            if (data.Length - offset < 2)
            {
                return DecodeResult<int[][]>.Failure(DecodeErrorKind.TooShort, $"pmd: delta block {block} at offset {offset} needs a width and a count, 1 byte remains");
            }

            int width = data[offset];
            int count = data[offset + 1];
            offset += 2;
            if (width > 32)
            {
                return DecodeResult<int[][]>.Failure(DecodeErrorKind.InvalidValue, $"pmd: delta block {block} has a width of {width} bits (at most 32)");
            }

            if (samples.Count + count > MaxSamples(channels))
            {
                return DecodeResult<int[][]>.Failure(DecodeErrorKind.InvalidValue,
                    $"pmd: delta block {block} takes the frame past {MaxSamples(channels)} samples, more than one notification can carry");
            }

            var bits = (long)width * count * channels;
            var bytes = (int)((bits + 7) / 8);
            if (data.Length - offset < bytes)
            {
                return DecodeResult<int[][]>.Failure(DecodeErrorKind.TooShort,
                    $"pmd: delta block {block} announces {count} samples of {width} bits × {channels} channels ({bytes} bytes), {data.Length - offset} remain");
            }

            var bitPosition = 0L;
            var blockBytes = data.Slice(offset, bytes);
            for (var s = 0; s < count; s++)
            {
                var sample = new int[channels];
                for (var c = 0; c < channels; c++)
                {
                    var delta = ReadBits(blockBytes, bitPosition, width);
                    bitPosition += width;
                    sample[c] = unchecked(previous[c] + delta);
                }

                samples.Add(sample);
                previous = sample;
            }

            offset += bytes;
            block++;
        }

        return DecodeResult<int[][]>.Success(samples.ToArray());
    }

    /// <summary>
    /// Encodes samples (first = reference) into one delta block of the smallest width that holds
    /// every delta. For the simulated wearable and round-trip tests.
    /// </summary>
    public static byte[] Encode(IReadOnlyList<int[]> samples, int channels, int resolutionBits)
    {
        var referenceSize = (resolutionBits + 7) / 8;
        var output = new List<byte>();
        Span<byte> buffer = stackalloc byte[4];
        foreach (var value in samples[0])
        {
            BinaryPrimitives.WriteInt32LittleEndian(buffer, value);
            output.AddRange(buffer[..referenceSize].ToArray());
        }

        for (var start = 1; start < samples.Count; start += byte.MaxValue)
        {
            var count = Math.Min(byte.MaxValue, samples.Count - start);
            var width = 1;
            for (var s = start; s < start + count; s++)
            {
                for (var c = 0; c < channels; c++)
                {
                    var delta = samples[s][c] - samples[s - 1][c];
                    while (delta < -(1L << (width - 1)) || delta > (1L << (width - 1)) - 1)
                    {
                        width++;
                    }
                }
            }

            output.Add((byte)width);
            output.Add((byte)count);
            var bits = new byte[((width * count * channels) + 7) / 8];
            var position = 0;
            for (var s = start; s < start + count; s++)
            {
                for (var c = 0; c < channels; c++)
                {
                    var delta = (uint)(samples[s][c] - samples[s - 1][c]);
                    for (var b = 0; b < width; b++, position++)
                    {
                        if (((delta >> b) & 1) != 0)
                        {
                            bits[position / 8] |= (byte)(1 << (position % 8));
                        }
                    }
                }
            }

            output.AddRange(bits);
        }

        return output.ToArray();
    }

    private static int ReadBits(ReadOnlySpan<byte> bytes, long bitPosition, int width)
    {
        if (width == 0)
        {
            return 0;
        }

        long value = 0;
        for (var b = 0; b < width; b++)
        {
            var position = bitPosition + b;
            if ((bytes[(int)(position / 8)] & (1 << (int)(position % 8))) != 0)
            {
                value |= 1L << b;
            }
        }

        // Two's complement of `width` bits.
        if ((value & (1L << (width - 1))) != 0)
        {
            value -= 1L << width;
        }

        return unchecked((int)value);
    }

    private static int ReadSigned(ReadOnlySpan<byte> bytes)
    {
        var value = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            value |= bytes[i] << (8 * i);
        }

        var shift = 32 - (8 * bytes.Length);
        return shift > 0 ? (value << shift) >> shift : value;
    }
}
