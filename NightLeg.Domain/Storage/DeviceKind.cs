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
