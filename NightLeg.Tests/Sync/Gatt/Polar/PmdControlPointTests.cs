using NightLeg.Sync.Devices.Polar;
using NightLeg.Sync.Gatt;

namespace NightLeg.Tests.Sync.Gatt.Polar;

public sealed class PmdControlPointTests
{
    [Fact]
    public void StartAcc_52Hz16Bit8G3Channels_MatchesTheDocumentedCommand()
    {
        // 02 start | 02 ACC | 00 01 34 00 rate 52 | 01 01 10 00 resolution 16 | 02 01 08 00 range 8 G | 04 01 03 channels 3
        var command = PmdCommands.StartAcc(52, 16, 8, 3);

        Assert.Equal(Convert.FromHexString("0202000134000101100002010800040103"), command);
    }

    [Fact]
    public void Decode_StartResponseWithFactor_ReadsStatusAndFactor()
    {
        // Arrange
        byte[] payload =
        [
            0xF0,                   // control-point response
            0x02,                   // opcode: start
            0x02,                   // measurement type: ACC
            0x00,                   // status: success
            0x00,                   // more: no
            0x05, 0x01,             // setting type 5 (FACTOR), 1 value
            0x40, 0xDA, 0x7F, 0x39, // float32 2.44e-4
        ];

        // Act
        var response = PmdControlPointResponseDecoder.Decode(payload).Value!;
        var settings = PmdSettingsDecoder.Decode(response.Parameters).Value!;

        // Assert
        Assert.True(response.Succeeded);
        Assert.Equal((2, 2, false), (response.Opcode, response.MeasurementType, response.More));
        Assert.Equal(2.44e-4f, settings.Factor);
    }

    [Fact]
    public void Decode_ErrorResponse_NamesTheStatus()
    {
        // F0 | 02 start | 02 ACC | 06 already in state
        var response = PmdControlPointResponseDecoder.Decode([0xF0, 0x02, 0x02, 0x06]).Value!;

        Assert.False(response.Succeeded);
        Assert.Equal("already in state", response.StatusText);
        Assert.Empty(response.Parameters);
    }

    [Fact]
    public void DecodeSettings_AccSettingsList_ReadsEveryValue()
    {
        // Arrange: a get-settings answer for ACC.
        byte[] parameters =
        [
            0x00, 0x04, 0x19, 0x00, 0x32, 0x00, 0x64, 0x00, 0xC8, 0x00, // sample rates: 25, 50, 100, 200 Hz
            0x01, 0x01, 0x10, 0x00,                                     // resolution: 16 bit
            0x02, 0x03, 0x02, 0x00, 0x04, 0x00, 0x08, 0x00,             // range: 2, 4, 8 G
            0x04, 0x01, 0x03,                                           // channels: 3
        ];

        // Act
        var settings = PmdSettingsDecoder.Decode(parameters).Value!;

        // Assert
        Assert.Equal([25.0, 50, 100, 200], settings[PmdSettingType.SampleRate]);
        Assert.Equal([16.0], settings[PmdSettingType.Resolution]);
        Assert.Equal([2.0, 4, 8], settings[PmdSettingType.Range]);
        Assert.Equal([3.0], settings[PmdSettingType.Channels]);
        Assert.Null(settings.Factor);
    }

    [Theory]
    [InlineData(new byte[] { 0xF0, 0x02 }, DecodeErrorKind.TooShort)]
    [InlineData(new byte[] { 0xF1, 0x02, 0x02, 0x00 }, DecodeErrorKind.InvalidValue)]
    public void Decode_BrokenResponse_GivesTypedError(byte[] payload, DecodeErrorKind kind)
    {
        Assert.Equal(kind, PmdControlPointResponseDecoder.Decode(payload).Error!.Kind);
    }

    [Theory]
    [InlineData(new byte[] { 0x00, 0x02, 0x34 }, DecodeErrorKind.TooShort)]
    [InlineData(new byte[] { 0x09, 0x01, 0x34 }, DecodeErrorKind.Unsupported)]
    [InlineData(new byte[] { 0x00 }, DecodeErrorKind.TooShort)]
    public void DecodeSettings_BrokenList_GivesTypedError(byte[] payload, DecodeErrorKind kind)
    {
        Assert.Equal(kind, PmdSettingsDecoder.Decode(payload).Error!.Kind);
    }
}
