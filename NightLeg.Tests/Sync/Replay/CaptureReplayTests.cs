using NightLeg.Domain.Nights;
using NightLeg.Sync;
using NightLeg.Sync.Capture;
using NightLeg.Sync.Devices;
using NightLeg.Sync.Replay;
using NightLeg.Sync.Simulation;

namespace NightLeg.Tests.Sync.Replay;

/// <summary>A replayed night runs the live night's code: the same pipeline, recorder and detector, from a capture file or a stream.</summary>
public sealed class CaptureReplayTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("nightleg-replay-").FullName;

    [Fact]
    public void TheDemoNight_ReplayedFromItsCapture_FindsItsCramp_AsFromTheStream()
    {
        // Arrange: the demo night written as a capture file, as `serve --record` writes one.
        var options = NightLegSyncServiceCollectionExtensions.DemoNight(new DateTimeOffset(2026, 3, 10, 21, 30, 0, TimeSpan.Zero)) with { Hours = 1.5 };
        var simulator = new NightSimulator(options);
        var path = Path.Combine(_dir, "demo.capture");
        using (var writer = CaptureWriter.Create(path, CaptureHeader.Create(simulator.Header.Device ?? "polar-h10", options.TimeZoneId)))
        {
            foreach (var notification in simulator.Notifications())
            {
                writer.Write(notification);
            }
        }

        // Act
        ReplayResult fromFile;
        using (var reader = CaptureReader.Open(path))
        {
            fromFile = CaptureReplay.Run(reader, NightCalendar.ForZone("UTC"));
        }

        // The capture's header names a chest strap, so its replay reads the body's position too; the stream is told the same.
        var fromStream = CaptureReplay.Run(new NightSimulator(options).Notifications(), NightCalendar.ForZone(options.TimeZoneId), observe: r => r.WornOnChest = true);

        // Assert: the cramp is found, within its first minute, the same way both times; the night is counted in the capture's zone.
        var cramp = Assert.Single(simulator.Truth.CrampAwakenings);
        var found = Assert.Single(fromFile.Awakenings, a => a.Awakening.Onset >= cramp.Onset.AddMinutes(-2) && a.Awakening.Onset <= cramp.CrampEnd);
        Assert.InRange(found.Awakening.DetectedAt - cramp.Onset, TimeSpan.Zero, TimeSpan.FromMinutes(1));
        Assert.Equal(fromStream.Awakenings.Select(a => a.Awakening), fromFile.Awakenings.Select(a => a.Awakening));
        Assert.All(fromFile.Awakenings, a => Assert.NotNull(a.Awakening.Position));
        Assert.Equal(new NightId(new DateOnly(2026, 3, 10), options.TimeZoneId), Assert.Single(fromFile.Nights).Id);
        Assert.Equal(0, fromFile.Pipeline.Invalid);
    }

    [Fact]
    public void AMalformedNotification_IsCountedAndSkipped_TheNightGoesOn()
    {
        // Arrange: a quarter of an hour with one heart-rate notification cut to nothing in the middle.
        var options = SimulationOptions.ForSeed(4, DeviceFamilies.Default.Simulate("polar-h10"), 0) with { Hours = 0.25 };
        var notifications = new NightSimulator(options).Notifications().ToList();
        var middle = notifications.FindIndex(n => n.ReceivedAt >= options.Start.AddMinutes(7) && n.Characteristic == NightLeg.Sync.Gatt.GattUuids.HeartRateMeasurement);
        notifications[middle] = notifications[middle] with { Payload = Array.Empty<byte>() };

        // Act
        var seconds = 0;
        var result = CaptureReplay.Run(notifications, NightCalendar.ForZone(options.TimeZoneId), observe: r => r.EpochCompleted += _ => seconds++);

        // Assert
        Assert.Equal(1, result.Pipeline.Invalid);
        Assert.True(seconds >= 14 * 60, $"{seconds} seconds");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
