namespace NightLeg.Domain.Storage;

/// <summary>What kind of wearable a device is, which decides what it can measure.</summary>
public enum DeviceKind
{
    /// <summary>Any Heart Rate Service (0x180D) device: heart rate, maybe RR intervals.</summary>
    GenericHeartRate,

    /// <summary>PineTime with InfiniTime: heart rate and the motion service.</summary>
    InfiniTime,

    /// <summary>Polar H10 / Verity Sense: heart rate with RR and PMD accelerometer.</summary>
    Polar,

    /// <summary>The built-in demo wearable that plays a synthetic night.</summary>
    Demo,
}

/// <summary>The wearable the user paired. Immutable.</summary>
/// <param name="Id">Transport id (a Bluetooth address, or <c>demo</c>).</param>
/// <param name="Name">The name it advertises.</param>
/// <param name="Kind">What it is.</param>
/// <param name="PairedAt">UTC instant it was paired.</param>
public sealed record PairedDevice(string Id, string Name, DeviceKind Kind, DateTimeOffset PairedAt);
