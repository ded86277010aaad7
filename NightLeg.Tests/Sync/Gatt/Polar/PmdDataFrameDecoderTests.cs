using NightLeg.Sync.Devices.Polar;
using NightLeg.Sync.Gatt;

namespace NightLeg.Tests.Sync.Gatt.Polar;

/// <summary>Examples from Polar's BLE SDK documentation and tests (AccData), each byte annotated.</summary>
public sealed class PmdDataFrameDecoderTests
{
    [Fact]
    public void DecodeAcc_RawType1FirstFrame_ReadsMilliGAndSpacesBySampleRate()
    {
        // Arrange
        byte[] frame =
        [
            0x02,                                           // measurement type 2 = ACC
            0x00, 0x94, 0x35, 0x77, 0x00, 0x00, 0x00, 0x00, // timestamp 0x77359400 = 2,000,000,000 ns
            0x01,                                           // raw (bit 7 = 0), frame type 1: int16 × 3
            0xF7, 0xFF, 0xFF, 0xFF, 0xE7, 0x03,             // sample 0: x −9, y −1, z 999 mG
            0xF8, 0xFF, 0xFE, 0xFF, 0xE5, 0x03,             // sample 1: x −8, y −2, z 997 mG
            0xF9, 0xFF, 0xFF, 0xFF, 0xE5, 0x03,             // sample 2: x −7, y −1, z 997 mG
        ];

        // Act
        var result = PmdDataFrameDecoder.DecodeAcc(frame, factor: 1.0f, sampleRateHz: 52, previousTimestampNs: null);

        // Assert
        Assert.True(result.IsSuccess);
        var acc = result.Value;
        Assert.Equal(((byte)2, (byte)1, false, 2_000_000_000UL), (acc.MeasurementType, acc.FrameType, acc.Compressed, acc.TimestampNs));
        Assert.Equal([(-9, -1, 999), (-8, -2, 997), (-7, -1, 997)], acc.Samples.Select(s => (s.XMg, s.YMg, s.ZMg)));
        // First frame: spacing 1e9/52 ns back from the last sample.
        Assert.Equal([1_961_538_462UL, 1_980_769_231UL, 2_000_000_000UL], acc.Samples.Select(s => s.TimestampNs));
    }

    [Fact]
    public void DecodeAcc_CompressedType0WithFactor_ScalesToMilliGLikePolar()
    {
        // Arrange
        byte[] frame =
        [
            0x02,                                           // ACC
            0x00, 0x94, 0x35, 0x77, 0x00, 0x00, 0x00, 0x00, // timestamp 2,000,000,000 ns
            0x80,                                           // compressed (bit 7), frame type 0
            0x71, 0x07,                                     // reference x: 0x0771 = 1905
            0xF0, 0x6A,                                     // reference y: 0x6AF0 = 27376
            0x9E, 0x8D,                                     // reference z: 0x8D9E = −29282
            0x0A,                                           // delta width 10 bits (sample 1 = 2095, 27271, −29367 raw → ×0.244 mG)
            0x01,                                           // 1 sample in this block
            0xBE, 0x5C, 0xBE, 0xBA,                         // 30 bits LSB first: dx 0b0010111110 = +190, dy 0b1110010111 = −105, dz 0b1110101011 = −85
        ];
        const float factor = 2.44E-4f;

        // Act
        var result = PmdDataFrameDecoder.DecodeAcc(frame, factor, sampleRateHz: 0, previousTimestampNs: 100);

        // Assert
        var samples = result.Value!.Samples;
        Assert.Equal(2, samples.Count);
        Assert.Equal(((int)(1905 * (factor * 1000f)), (int)(27376 * (factor * 1000f)), (int)(-29282 * (factor * 1000f))), (samples[0].XMg, samples[0].YMg, samples[0].ZMg));
        Assert.Equal((511, 6654, -7165), (samples[1].XMg, samples[1].YMg, samples[1].ZMg));
        // With a previous frame: spacing (ts − prev) / n, first sample at prev + spacing.
        Assert.Equal([1_000_000_050UL, 2_000_000_000UL], samples.Select(s => s.TimestampNs));
    }

    [Fact]
    public void DecodeAcc_CompressedType1_ReadsSixBitDeltasAndRoundsTimesHalfToEven()
    {
        // Arrange
        byte[] frame =
        [
            0x02,                                           // ACC
            0x65, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, // timestamp 101 ns
            0x81,                                           // compressed, frame type 1
            0xF1, 0xFF,                                     // reference x: 0xFFF1 = −15
            0x14, 0x00,                                     // reference y: 20
            0xF0, 0x03,                                     // reference z: 1008
            0x06,                                           // delta width 6 bits
            0x01,                                           // 1 sample
            0x7B, 0x0F, 0x08,                               // dx 111011 = −5, dy 111101 = −3, dz 000000 = 0
        ];

        // Act
        var result = PmdDataFrameDecoder.DecodeAcc(frame, 1.0f, sampleRateHz: 0, previousTimestampNs: 100);

        // Assert
        var samples = result.Value!.Samples;
        Assert.Equal([(-15, 20, 1008), (-20, 17, 1008)], samples.Select(s => (s.XMg, s.YMg, s.ZMg)));
        Assert.Equal([100UL, 101UL], samples.Select(s => s.TimestampNs)); // 100.5 rounds to even: 100
    }

    [Fact]
    public void DecodeAcc_RawType0AndType2_ReadInt8AndInt24()
    {
        byte[] type0 = [0x02, 1, 0, 0, 0, 0, 0, 0, 0, 0x00, 0x05, 0xFB, 0x7F];                 // x 5, y −5, z 127
        byte[] type2 = [0x02, 1, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x00, 0x00, 0x80, 0x01, 0, 0, 0xE8, 0x03, 0]; // x −8388608, y 1, z 1000

        var a = PmdDataFrameDecoder.DecodeAcc(type0, 1.0f, sampleRateHz: 52, previousTimestampNs: null);
        var b = PmdDataFrameDecoder.DecodeAcc(type2, 1.0f, sampleRateHz: 1_000_000_000, previousTimestampNs: null);

        Assert.Equal((5, -5, 127), (a.Value!.Samples[0].XMg, a.Value.Samples[0].YMg, a.Value.Samples[0].ZMg));
        Assert.Equal((-8388608, 1, 1000), (b.Value!.Samples[0].XMg, b.Value.Samples[0].YMg, b.Value.Samples[0].ZMg));
    }

    [Theory]
    [InlineData("02 00 94 35 77 00 00 00 00", DecodeErrorKind.TooShort, "10-byte header")]
    [InlineData("02 00 94 35 77 00 00 00 00 01 F7 FF FF", DecodeErrorKind.LengthMismatch, "whole number")]
    [InlineData("02 00 94 35 77 00 00 00 00 01", DecodeErrorKind.TooShort, "no samples")]
    [InlineData("02 00 94 35 77 00 00 00 00 80 71 07 F0", DecodeErrorKind.TooShort, "reference sample")]
    [InlineData("02 00 94 35 77 00 00 00 00 80 71 07 F0 6A 9E 8D 0A 38 BE", DecodeErrorKind.TooShort, "delta block 0")]
    [InlineData("02 00 94 35 77 00 00 00 00 80 71 07 F0 6A 9E 8D 28 01 00", DecodeErrorKind.InvalidValue, "width of 40")]
    [InlineData("00 00 94 35 77 00 00 00 00 00 01 02", DecodeErrorKind.Unsupported, "ecg")]
    [InlineData("02 00 94 35 77 00 00 00 00 05 01 02 03", DecodeErrorKind.Unsupported, "frame type 5")]
    public void DecodeAcc_BrokenFrame_GivesTypedError(string hex, DecodeErrorKind kind, string mentions)
    {
        var result = PmdDataFrameDecoder.DecodeAcc(Convert.FromHexString(hex.Replace(" ", "")), 1.0f, sampleRateHz: 52, previousTimestampNs: null);

        Assert.False(result.IsSuccess);
        Assert.Equal(kind, result.Error.Kind);
        Assert.Contains(mentions, result.Error.Message);
    }

    [Fact]
    public void DecodeAcc_TimestampNotAfterPrevious_IsRefused()
    {
        byte[] frame = [0x02, 100, 0, 0, 0, 0, 0, 0, 0, 0x00, 1, 2, 3];

        var result = PmdDataFrameDecoder.DecodeAcc(frame, 1.0f, sampleRateHz: 0, previousTimestampNs: 100);

        Assert.Equal(DecodeErrorKind.InvalidValue, result.Error!.Kind);
    }

    [Fact]
    public void EncodeCompressedThenDecode_RandomSignals_RoundTrip()
    {
        var random = new Random(52);
        for (var i = 0; i < 2000; i++)
        {
            // Arrange: a wandering 16-bit signal with occasional jumps.
            var count = random.Next(1, 80);
            var samples = new List<int[]>();
            int x = random.Next(-4000, 4000), y = random.Next(-4000, 4000), z = random.Next(-4000, 4000);
            for (var s = 0; s < count; s++)
            {
                var jump = random.Next(20) == 0 ? 3000 : 30;
                x = Math.Clamp(x + random.Next(-jump, jump + 1), short.MinValue, short.MaxValue);
                y = Math.Clamp(y + random.Next(-jump, jump + 1), short.MinValue, short.MaxValue);
                z = Math.Clamp(z + random.Next(-jump, jump + 1), short.MinValue, short.MaxValue);
                samples.Add([x, y, z]);
            }

            // Act
            var frame = PmdDataFrameEncoder.EncodeCompressed(10_000_000_000, 0x01, samples);
            var decoded = PmdDataFrameDecoder.DecodeAcc(frame, 1.0f, 52, null);

            // Assert
            Assert.True(decoded.IsSuccess, decoded.Error?.Message);
            Assert.Equal(samples.Select(s => (s[0], s[1], s[2])), decoded.Value.Samples.Select(s => (s.XMg, s.YMg, s.ZMg)));
        }
    }
}
