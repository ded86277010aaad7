using NightLeg.Sync.Gatt;
using NightLeg.Sync.Gatt.Battery;

namespace NightLeg.Tests.Sync.Gatt.Battery;

public sealed class BatteryLevelDecoderTests
{
    [Theory]
    [InlineData(new byte[] { 0x00 }, 0)]
    [InlineData(new byte[] { 0x57 }, 87)]
    [InlineData(new byte[] { 0x64 }, 100)]
    public void DecodeBattery_Percent(byte[] payload, int expected)
    {
        Assert.Equal(expected, BatteryLevelDecoder.Decode(payload).Value);
    }

    [Theory]
    [InlineData(new byte[] { 0x65 }, DecodeErrorKind.InvalidValue)]
    [InlineData(new byte[] { }, DecodeErrorKind.Empty)]
    [InlineData(new byte[] { 0x50, 0x00 }, DecodeErrorKind.LengthMismatch)]
    public void DecodeBattery_Invalid_GivesTypedError(byte[] payload, DecodeErrorKind kind)
    {
        Assert.Equal(kind, BatteryLevelDecoder.Decode(payload).Error!.Kind);
    }
}
