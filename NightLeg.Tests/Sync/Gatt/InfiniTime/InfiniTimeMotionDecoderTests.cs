using NightLeg.Sync.Devices.InfiniTime;
using NightLeg.Sync.Gatt;

namespace NightLeg.Tests.Sync.Gatt.InfiniTime;

public sealed class InfiniTimeMotionDecoderTests
{
    [Fact]
    public void DecodeRawXyz_OneGOnZ_ReadsG()
    {
        byte[] payload =
        [
            0x00, 0xFE, // x: 0xFE00 = −512 → −0.5 g
            0x00, 0x00, // y: 0
            0x00, 0x04, // z: 0x0400 = 1024 → 1 g
        ];

        var result = InfiniTimeMotionDecoder.DecodeRawXyz(payload);

        Assert.Equal(new InfiniTimeAcceleration(-0.5, 0, 1), result.Value);
    }

    [Fact]
    public void DecodeSteps_Uint32_ReadsLittleEndian()
    {
        byte[] payload = [0x10, 0x27, 0x00, 0x00]; // 0x00002710 = 10000 steps

        Assert.Equal(10000u, InfiniTimeMotionDecoder.DecodeSteps(payload).Value);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(0)]
    public void DecodeRawXyz_WrongLength_GivesError(int length)
    {
        var result = InfiniTimeMotionDecoder.DecodeRawXyz(new byte[length]);

        Assert.False(result.IsSuccess);
        Assert.Contains("6 bytes", result.Error.Message);
    }

    [Fact]
    public void EncodeRawXyz_ThenDecode_RoundTripsToTheNearestLsb()
    {
        var bytes = InfiniTimeMotionDecoder.EncodeRawXyz(0.12, -0.98, 0.05);

        var decoded = InfiniTimeMotionDecoder.DecodeRawXyz(bytes).Value;

        Assert.Equal(0.12, decoded.XG, 3);
        Assert.Equal(-0.98, decoded.YG, 3);
        Assert.Equal(0.05, decoded.ZG, 3);
    }
}
