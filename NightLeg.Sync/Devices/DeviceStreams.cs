namespace NightLeg.Sync.Devices;

/// <summary>
/// The streams a family started on one connection. Disposing unsubscribes. Heart rate is never
/// given up for movement: when movement could not be started, <see cref="MovementUnavailable"/>
/// says why (the app words it).
/// </summary>
public sealed class DeviceStreams(IReadOnlyList<IAsyncDisposable> subscriptions, int? batteryPercent, MovementProblem? movementUnavailable, string? movementDescription) : IAsyncDisposable
{
    /// <summary>The battery level read at connection, percent; null when not offered.</summary>
    public int? BatteryPercent { get; } = batteryPercent;

    /// <summary>Why movement is not being recorded although the device could measure it; null when it is (or the device has none).</summary>
    public MovementProblem? MovementUnavailable { get; } = movementUnavailable;

    /// <summary>What movement stream runs, e.g. "ACC 25 Hz, ±2 G, 16 bit"; null when none.</summary>
    public string? Movement { get; } = movementDescription;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var subscription in subscriptions)
        {
            await subscription.DisposeAsync();
        }
    }
}
