using NightLeg.Sync.Ble;
using NightLeg.Sync.Capture;
using NightLeg.Sync.Gatt;
using NightLeg.Tests.Support;

namespace NightLeg.Tests.Sync.Capture;

[Collection(ProcessMemoryCollection.Name)]
public sealed class CaptureReaderTests
{
    private const string Example = """
        # nightleg-capture 1
        # device: Polar H10 5E8F3A21
        # timezone: Europe/Oslo
        1764108000000,00002a37-0000-1000-8000-00805f9b34fb,163849045204

        # a comment in the middle
        1764108000041,fb005c82-02e7-f387-1cad-8acd2d8df0c8,0200943577000000000105fb7f

        """;

    [Fact]
    public void Read_ArchitectureExample_ReadsHeaderAndRecords()
    {
        // Arrange
        using var reader = new CaptureReader(new StringReader(Example));

        // Act
        var records = reader.ReadAll().ToList();

        // Assert
        Assert.Equal("Polar H10 5E8F3A21", reader.Header.Device);
        Assert.Equal("Europe/Oslo", reader.Header.TimeZone);
        Assert.Equal(2, records.Count);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1764108000000), records[0].ReceivedAt);
        Assert.Equal(GattUuids.HeartRateMeasurement, records[0].Characteristic);
        Assert.Equal(Convert.FromHexString("163849045204"), records[0].Payload.ToArray());
        Assert.Equal(GattUuids.PolarPmdData, records[1].Characteristic);
        Assert.Empty(reader.Warnings);
    }

    [Theory]
    [InlineData("17641080000x0,00002a37-0000-1000-8000-00805f9b34fb,0648", "unix milliseconds")]
    [InlineData("1764108002000,00002a37-0000-1000-8000,0648", "UUID")]
    [InlineData("1764108002000,00002a37-0000-1000-8000-00805f9b34fb,064", "odd number")]
    [InlineData("1764108002000,00002a37-0000-1000-8000-00805f9b34fb,06zz", "hexadecimal")]
    [InlineData("1764108002000;00002a37-0000-1000-8000-00805f9b34fb;0648", "expected")]
    [InlineData("1764107000000,00002a37-0000-1000-8000-00805f9b34fb,0648", "time order")]
    public void Read_CorruptLineInTheMiddle_FailsNamingItsLine(string corrupt, string reason)
    {
        // Arrange: the corrupt record is line 5.
        var text = $"""
            # nightleg-capture 1
            # timezone: Europe/Oslo
            1764108000000,00002a37-0000-1000-8000-00805f9b34fb,0648
            1764108001000,00002a37-0000-1000-8000-00805f9b34fb,0649
            {corrupt}
            1764108003000,00002a37-0000-1000-8000-00805f9b34fb,064a

            """;
        using var reader = new CaptureReader(new StringReader(text));

        // Act
        var error = Assert.Throws<CaptureFormatException>(() => reader.ReadAll().ToList());

        // Assert
        Assert.Equal(5, error.LineNumber);
        Assert.StartsWith("line 5: ", error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Read_LastLineCutOffMidRecord_SkipsItWithAWarning()
    {
        // Arrange: a crash cut the last record off after "…,06"; no final newline.
        var text = "# nightleg-capture 1\n1764108000000,00002a37-0000-1000-8000-00805f9b34fb,0648\n1764108001000,00002a37-0000-1000-8";
        using var reader = new CaptureReader(new StringReader(text));

        // Act
        var records = reader.ReadAll().ToList();

        // Assert
        Assert.Single(records);
        var warning = Assert.Single(reader.Warnings);
        Assert.StartsWith("line 3:", warning);
        Assert.Contains("cut off", warning);
    }

    [Fact]
    public void Read_NotACapture_FailsOnLineOne()
    {
        var error = Assert.Throws<CaptureFormatException>(() => new CaptureReader(new StringReader("hello\n")));

        Assert.Equal(1, error.LineNumber);
    }

    [Fact]
    public void WriteThenRead_ManyRecords_RoundTripInConstantMemory()
    {
        // Arrange: 300,000 records (an InfiniTime night at 10 Hz is about that), written to a real file.
        var path = Path.Combine(Path.GetTempPath(), $"nightleg-{Guid.NewGuid():N}.capture");
        try
        {
            var start = DateTimeOffset.FromUnixTimeMilliseconds(1764108000000);
            using (var writer = CaptureWriter.Create(path, CaptureHeader.Create("PineTime", "Europe/Oslo")))
            {
                for (var i = 0; i < 300_000; i++)
                {
                    writer.Write(new GattNotification(start.AddMilliseconds(i * 100), GattUuids.InfiniTimeRawXyz, new byte[] { (byte)i, 0, 0, 0, 0, 4 }));
                }
            }

            // Act
            long count = 0;
            var before = GC.GetTotalMemory(forceFullCollection: true);
            using (var reader = CaptureReader.Open(path))
            {
                foreach (var record in reader.ReadAll())
                {
                    Assert.Equal((byte)count, record.Payload.Span[0]);
                    count++;
                }

                // Assert
                Assert.Equal("PineTime", reader.Header.Device);
                Assert.True(GC.GetTotalMemory(forceFullCollection: true) - before < 4_000_000, "the reader holds the file in memory");
            }

            Assert.Equal(300_000, count);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
