using NightLeg.Sync.Gatt;
using NightLeg.Sync.Gatt.Battery;
using NightLeg.Sync.Gatt.DeviceInformation;
using NightLeg.Sync.Gatt.HeartRate;

namespace NightLeg.Tests.Sync.Gatt.Battery;

public sealed class BatteryAndDeviceInformationDecoderTests
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

    [Theory]
    [InlineData(1, BodySensorLocation.Chest)]
    [InlineData(2, BodySensorLocation.Wrist)]
    [InlineData(6, BodySensorLocation.Foot)]
    public void DecodeBodySensorLocation_KnownValues(byte value, BodySensorLocation expected)
    {
        Assert.Equal(expected, BodySensorLocationDecoder.Decode([value]).Value);
    }

    [Fact]
    public void DecodeBodySensorLocation_Reserved_IsRefused()
    {
        Assert.Equal(DecodeErrorKind.InvalidValue, BodySensorLocationDecoder.Decode([7]).Error!.Kind);
    }

    [Fact]
    public void DecodeString_Utf8WithNulPadding_IsTrimmed()
    {
        // "Polar H10" then two NUL pad bytes.
        byte[] payload = [0x50, 0x6F, 0x6C, 0x61, 0x72, 0x20, 0x48, 0x31, 0x30, 0x00, 0x00];

        Assert.Equal("Polar H10", DeviceInformationDecoder.DecodeString(payload).Value);
    }

    [Fact]
    public void DecodeString_InvalidUtf8_IsRefused()
    {
        Assert.Equal(DecodeErrorKind.InvalidValue, DeviceInformationDecoder.DecodeString([0x41, 0xC3, 0x28]).Error!.Kind);
    }
}
