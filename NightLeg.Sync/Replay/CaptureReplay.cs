using NightLeg.Domain.Detection;
using NightLeg.Domain.Nights;
using NightLeg.Sync.Ble;
using NightLeg.Sync.Capture;
using NightLeg.Sync.Devices;
using NightLeg.Sync.Pipeline;

namespace NightLeg.Sync.Replay;

/// <summary>
/// Runs recorded notifications through the live path: <see cref="NotificationPipeline"/> (decoders)
/// → <see cref="NightRecorder"/> (epochs, detector, nights). Nothing here differs from a live night
/// except where the notifications come from.
/// </summary>
public static class CaptureReplay
{
    /// <summary>
    /// Replays <paramref name="notifications"/>; <paramref name="observe"/> may subscribe to the
    /// recorder (to store epochs, say) before the first notification.
    /// </summary>
    public static ReplayResult Run(IEnumerable<GattNotification> notifications, NightCalendar calendar, Sensitivity sensitivity = Sensitivity.Normal,
        Action<NightRecorder>? observe = null, Func<IReadOnlyList<string>>? warnings = null, DeviceFamilies? families = null) =>
        Run(notifications, calendar, DetectorThresholds.For(sensitivity), observe, warnings, families: families);

    /// <summary>Replays with explicit detector thresholds and, when known, what earlier nights and the sleeper's answers taught.</summary>
    public static ReplayResult Run(IEnumerable<GattNotification> notifications, NightCalendar calendar, DetectorThresholds thresholds,
        Action<NightRecorder>? observe = null, Func<IReadOnlyList<string>>? warnings = null, SleeperProfile? sleeper = null, SleeperLearning? learning = null,
        DeviceFamilies? families = null)
    {
        var recorder = new NightRecorder(calendar, thresholds, sleeper, learning is null ? null : () => learning);
        var awakenings = new List<ReplayedAwakening>();
        recorder.AwakeningDetected += (night, awakening) => awakenings.Add(new ReplayedAwakening(night, awakening, null));
        recorder.AsleepAgain += (night, awakening, asleep) =>
        {
            var index = awakenings.FindLastIndex(a => a.Awakening == awakening);
            if (index >= 0)
            {
                awakenings[index] = awakenings[index] with { AsleepAgainAt = asleep };
            }
        };
        recorder.AwakeningFollowed += (night, awakening, course) =>
        {
            var index = awakenings.FindLastIndex(a => a.Awakening == awakening);
            if (index >= 0)
            {
                awakenings[index] = awakenings[index] with { Course = course };
            }
        };
        observe?.Invoke(recorder);
        var pipeline = new NotificationPipeline(recorder, families ?? DeviceFamilies.Default);
        foreach (var notification in notifications)
        {
            pipeline.Process(notification);
        }

        recorder.End();
        return new ReplayResult(recorder.Nights, recorder.Counts, pipeline.Counts, awakenings, warnings?.Invoke() ?? [], recorder.SleeperProfile);
    }

    /// <summary>Replays a capture file; the calendar's zone is the capture's, unless it has none.</summary>
    public static ReplayResult Run(CaptureReader reader, NightCalendar fallbackCalendar, Sensitivity sensitivity = Sensitivity.Normal, Action<NightRecorder>? observe = null,
        SleeperProfile? sleeper = null, SleeperLearning? learning = null, DeviceFamilies? families = null)
    {
        var calendar = reader.Header.TimeZone is { } zone ? NightCalendar.ForZone(zone) : fallbackCalendar;
        // A chest strap's capture tells the body's position too (the header names the device).
        families ??= DeviceFamilies.Default;
        var chest = families.RecogniseByName(reader.Header.Device)?.Capabilities.OnChest ?? false;
        return Run(reader.ReadAll(), calendar, DetectorThresholds.For(sensitivity), recorder =>
        {
            recorder.WornOnChest = chest;
            observe?.Invoke(recorder);
        }, () => reader.Warnings.ToList(), sleeper, learning, families);
    }
}
