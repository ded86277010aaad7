using NightLeg.Domain.Nights;
using NightLeg.Sync.Ble;
using NightLeg.Sync.Capture;
using NightLeg.Sync.Devices.Polar;
using NightLeg.Sync.Gatt;
using NightLeg.Sync.Pipeline;
using NightLeg.Tests.Support;

namespace NightLeg.Tests.Sync.Capture;

/// <summary>
/// Memory is bounded wherever input comes in: a capture line, a notification's payload and the
/// samples of one PMD frame each have a limit, and hostile files fail fast naming the line.
/// (Issue 15, finding 5.)
/// </summary>
public sealed class BoundedInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("nightleg-bounded-").FullName;

    [Fact]
    [Trait("Category", "process")]
    public async Task Replay_A2GbSparseFile_FailsFastInOneLine_WithinA200MbHeap()
    {
        // Arrange: 2 GB of zeros (sparse, so it costs no disk), and a runtime that may not use more than 200 MB of heap.
        var junk = Path.Combine(_dir, "junk.capture");
        await using (var file = new FileStream(junk, FileMode.CreateNew))
        {
            file.SetLength(2L << 30);
        }

        // Act
        var started = DateTime.UtcNow;
        await using var process = NightLegProcess.Start(["replay", junk], new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = "0xC800000" });
        await process.WaitForExitAsync(TimeSpan.FromSeconds(60));
        var took = DateTime.UtcNow - started;

        // Assert: refused at line 1, with no out-of-memory on the way.
        Assert.Equal(1, process.ExitCode);
        var stderr = process.Stderr.Trim();
        Assert.Equal($"nightleg: {junk}: line 1: the line is longer than 4,096 characters, which no capture line is", stderr);
        Assert.True(took < TimeSpan.FromSeconds(30), $"took {took}");
    }

    [Fact]
    public void CaptureReader_AOneMegabyteLine_RefusedNamingTheLine_WithoutReadingItIntoMemory()
    {
        // One 1 MB Polar line: zero-width delta blocks, as the tester made.
        var path = Path.Combine(_dir, "polar.capture");
        File.WriteAllText(path, "# nightleg-capture 1\n1773180000000,fb005c82-02e7-f387-1cad-8acd2d8df0c8," + string.Concat(Enumerable.Repeat("00ff", 256 * 1024)) + "\n");
        var before = GC.GetAllocatedBytesForCurrentThread();

        using var reader = CaptureReader.Open(path);
        var error = Assert.Throws<CaptureFormatException>(() => reader.ReadAll().ToList());

        Assert.Equal(2, error.LineNumber);
        Assert.Contains("longer than 4,096 characters", error.Message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < (4 << 20), "the line was read into memory");
    }

    [Fact]
    public void CaptureReader_APayloadLongerThanANotification_RefusedNamingTheLine()
    {
        var path = Path.Combine(_dir, "long.capture");
        File.WriteAllText(path, "# nightleg-capture 1\n1773180000000,00002a37-0000-1000-8000-00805f9b34fb," + new string('0', 2 * 513) + "\n");

        using var reader = CaptureReader.Open(path);
        var error = Assert.Throws<CaptureFormatException>(() => reader.ReadAll().ToList());

        Assert.Equal(2, error.LineNumber);
        Assert.Contains("at most 512", error.Message);
    }

    [Fact]
    public void PmdFrame_ZeroWidthBlocksBeyondWhatANotificationCarries_Refused()
    {
        // 10-byte header, a 6-byte reference, then 2-byte blocks of 255 zero-width deltas: 200 bytes announce 46,000 samples.
        var frame = new byte[200];
        frame[0] = (byte)PmdMeasurementType.Acc;
        frame[9] = 0x80;
        for (var i = 16; i + 1 < frame.Length; i += 2)
        {
            frame[i] = 0;
            frame[i + 1] = 255;
        }

        var result = PmdDataFrameDecoder.DecodeAcc(frame, 1f, 25, null);

        Assert.False(result.IsSuccess);
        Assert.Contains($"past {PmdDeltaCodec.MaxSamples(3)} samples", result.Error.Message);
    }

    [Fact]
    public void PmdFrame_AFewZeroWidthSamples_StillDecode()
    {
        // A still sensor may repeat a sample: zero-width deltas within the limit are valid.
        var frame = new byte[] { (byte)PmdMeasurementType.Acc, 0, 0, 0, 0, 0, 0, 0, 1, 0x80, 1, 0, 2, 0, 3, 0, 0, 5 };

        var result = PmdDataFrameDecoder.DecodeAcc(frame, 1f, 25, null);

        Assert.True(result.IsSuccess, result.IsSuccess ? null : result.Error.Message);
        Assert.Equal(6, result.Value.Samples.Count);
    }

    [Fact]
    public void Pipeline_ANotificationLongerThan512Bytes_CountedInvalidAndSkipped()
    {
        var recorder = new NightRecorder(NightCalendar.ForZone("Europe/Oslo"));
        var pipeline = new NotificationPipeline(recorder);

        pipeline.Process(new GattNotification(DateTimeOffset.UnixEpoch.AddYears(56), GattUuids.HeartRateMeasurement, new byte[600]));

        Assert.Equal(1, pipeline.Counts.Invalid);
        Assert.Equal(0, pipeline.Counts.HeartRateSamples);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
