using NightLeg.Domain.Detection;
using NightLeg.Domain.Nights;

namespace NightLeg.Sync.Live;

/// <summary>What the night looks like right now, for the app. Immutable snapshot.</summary>
/// <param name="Connection">The link.</param>
/// <param name="DeviceName">The wearable, if any.</param>
/// <param name="Night">The night being recorded, if any.</param>
/// <param name="Sleep">Asleep or awake, by the detector.</param>
/// <param name="HeartRateBpm">Latest heart rate, bpm.</param>
/// <param name="MovementG">Latest movement, g.</param>
/// <param name="BaselineHeartRateBpm">Sleeping baseline, bpm.</param>
/// <param name="LastDataAt">Instant of the latest second recorded.</param>
/// <param name="BatteryPercent">Wearable battery, percent.</param>
/// <param name="SecondsStored">Seconds written to the database this session.</param>
/// <param name="InvalidNotifications">Notifications that did not decode (skipped).</param>
/// <param name="Reconnects">Reconnections this session.</param>
/// <param name="NightStartedByUser">True between the user's start and stop of the night.</param>
/// <param name="Movement">What movement stream runs, or why it does not although the wearable could measure it.</param>
/// <param name="Storage">Why storing fails right now (null while it works).</param>
public sealed record LiveStatus(
    ConnectionState Connection,
    string? DeviceName,
    NightId? Night,
    SleepState Sleep,
    double? HeartRateBpm,
    double? MovementG,
    double? BaselineHeartRateBpm,
    DateTimeOffset? LastDataAt,
    int? BatteryPercent,
    long SecondsStored,
    long InvalidNotifications,
    int Reconnects,
    bool NightStartedByUser = false,
    MovementState? Movement = null,
    StorageStatus? Storage = null)
{
    /// <summary>Before anything happened.</summary>
    public static LiveStatus Initial { get; } = new(ConnectionState.NoDevice, null, null, SleepState.AwaitingSleep, null, null, null, null, null, 0, 0, 0);
}
