using NightLeg.Domain.Samples;
using NightLeg.Sync.Gatt;
using NightLeg.Sync.Gatt.HeartRate;

namespace NightLeg.Tests.Sync.Gatt.HeartRate;

public sealed class HeartRateMeasurementDecoderTests
{
    [Fact]
    public void Decode_Uint8WithContact_ReadsBpmAndContact()
    {
        // Arrange
        byte[] payload =
        [
            0x06, // flags: bit 0 = 0 (uint8), bits 1–2 = 11 (contact supported, detected)
            0x48, // heart rate 72 bpm
        ];

        // Act
        var result = HeartRateMeasurementDecoder.Decode(payload);

        // Assert
        Assert.True(result.IsSuccess);
        Assert.Equal(72, result.Value.HeartRateBpm);
        Assert.Equal(SensorContact.Detected, result.Value.Contact);
        Assert.Null(result.Value.EnergyExpendedKJ);
        Assert.Empty(result.Value.RrIntervalsMs);
    }

    [Fact]
    public void Decode_CaptureExample_ReadsTwoRrIntervalsExactly()
    {
        // Arrange: the record in ../shared/ARCHITECTURE.md's capture example.
        byte[] payload =
        [
            0x16,       // flags: uint8, contact detected (bits 1–2 = 11), RR present (bit 4)
            0x38,       // 56 bpm
            0x49, 0x04, // RR 0x0449 = 1097/1024 s = 1071.2890625 ms
            0x52, 0x04, // RR 0x0452 = 1106/1024 s = 1080.078125 ms
        ];

        // Act
        var result = HeartRateMeasurementDecoder.Decode(payload);

        // Assert
        Assert.Equal(56, result.Value!.HeartRateBpm);
        Assert.Equal([1071.2890625, 1080.078125], result.Value.RrIntervalsMs);
    }

    [Fact]
    public void Decode_Uint16EnergyAndRr_ReadsEveryField()
    {
        // Arrange
        byte[] payload =
        [
            0x19,       // flags: uint16 (bit 0), contact not supported (00), energy (bit 3), RR (bit 4)
            0xA0, 0x00, // heart rate 0x00A0 = 160 bpm
            0x34, 0x12, // energy expended 0x1234 = 4660 kJ
            0x80, 0x01, // RR 0x0180 = 384 → 375 ms
            0x00, 0x04, // RR 0x0400 = 1024 → exactly 1000 ms
        ];

        // Act
        var result = HeartRateMeasurementDecoder.Decode(payload);

        // Assert
        Assert.Equal(new HeartRateMeasurement(160, SensorContact.Unsupported, 4660, [375.0, 1000.0]) with { RrIntervalsMs = result.Value!.RrIntervalsMs }, result.Value);
        Assert.Equal([375.0, 1000.0], result.Value.RrIntervalsMs);
    }

    [Theory]
    [InlineData(new byte[] { 0x00, 0x3C }, SensorContact.Unsupported)] // bits 1–2 = 00
    [InlineData(new byte[] { 0x02, 0x3C }, SensorContact.Unsupported)] // bits 1–2 = 01
    [InlineData(new byte[] { 0x04, 0x3C }, SensorContact.NotDetected)] // bits 1–2 = 10
    [InlineData(new byte[] { 0x06, 0x3C }, SensorContact.Detected)]    // bits 1–2 = 11
    [InlineData(new byte[] { 0xE6, 0x3C }, SensorContact.Detected)]    // reserved bits 5–7 set: ignored
    public void Decode_ContactBits_MapToContactStates(byte[] payload, SensorContact expected)
    {
        Assert.Equal(expected, HeartRateMeasurementDecoder.Decode(payload).Value!.Contact);
    }

    [Fact]
    public void Decode_ManyRrIntervals_ReadsAllOldestFirst()
    {
        // 0x10 = RR present; 60 bpm; nine intervals 1000, 1001, …, 1008 raw.
        var payload = new List<byte> { 0x10, 0x3C };
        for (ushort raw = 1000; raw < 1009; raw++)
        {
            payload.Add((byte)(raw & 0xFF));
            payload.Add((byte)(raw >> 8));
        }

        var result = HeartRateMeasurementDecoder.Decode(payload.ToArray());

        Assert.Equal(Enumerable.Range(1000, 9).Select(r => r * 1000.0 / 1024.0), result.Value!.RrIntervalsMs);
    }

    [Theory]
    [InlineData(new byte[] { }, DecodeErrorKind.Empty, "empty")]
    [InlineData(new byte[] { 0x00 }, DecodeErrorKind.TooShort, "uint8 heart rate")]
    [InlineData(new byte[] { 0x01, 0x3C }, DecodeErrorKind.TooShort, "uint16 heart rate")]
    [InlineData(new byte[] { 0x08, 0x3C, 0x01 }, DecodeErrorKind.TooShort, "Energy Expended")]
    [InlineData(new byte[] { 0x10, 0x3C }, DecodeErrorKind.TooShort, "RR intervals")]
    [InlineData(new byte[] { 0x10, 0x3C, 0x00 }, DecodeErrorKind.LengthMismatch, "RR bytes")]
    [InlineData(new byte[] { 0x00, 0x3C, 0x00 }, DecodeErrorKind.LengthMismatch, "do not announce")]
    public void Decode_PayloadBreakingItsFlags_GivesTypedError(byte[] payload, DecodeErrorKind kind, string mentions)
    {
        var result = HeartRateMeasurementDecoder.Decode(payload);

        Assert.False(result.IsSuccess);
        Assert.Equal(kind, result.Error.Kind);
        Assert.Contains(mentions, result.Error.Message);
    }

    [Fact]
    public void EncodeThenDecode_RandomMeasurements_RoundTrip()
    {
        var random = new Random(2037);
        for (var i = 0; i < 5000; i++)
        {
            // Arrange
            var bpm = random.Next(0, 400);
            var contact = (SensorContact)random.Next(3);
            int? energy = random.Next(2) == 0 ? null : random.Next(0, 65536);
            var rr = Enumerable.Range(0, random.Next(0, 9)).Select(_ => (ushort)random.Next(0, 65536)).ToArray();

            // Act
            var bytes = HeartRateMeasurementEncoder.Encode(bpm, contact, energy, rr, forceUInt16: random.Next(2) == 0);
            var decoded = HeartRateMeasurementDecoder.Decode(bytes);

            // Assert
            Assert.True(decoded.IsSuccess, decoded.Error?.Message);
            Assert.Equal(bpm, decoded.Value.HeartRateBpm);
            Assert.Equal(contact, decoded.Value.Contact);
            Assert.Equal(energy, decoded.Value.EnergyExpendedKJ);
            Assert.Equal(rr.Select(r => r * 1000.0 / 1024.0), decoded.Value.RrIntervalsMs);
        }
    }
}
