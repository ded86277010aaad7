namespace NightLeg.Sync.Devices;

/// <summary>A characteristic a family streams, under the name <c>nightleg decode --profile</c> takes. Immutable.</summary>
/// <param name="Name">The decode profile's name (<c>heart-rate</c>, <c>polar-pmd</c>, …).</param>
/// <param name="Characteristic">The characteristic's UUID.</param>
public sealed record GattProfile(string Name, Guid Characteristic)
{
    /// <summary>Heart Rate Measurement 0x2A37.</summary>
    public static GattProfile HeartRate { get; } = new("heart-rate", Gatt.GattUuids.HeartRateMeasurement);

    /// <summary>Battery Level 0x2A19.</summary>
    public static GattProfile Battery { get; } = new("battery", Gatt.GattUuids.BatteryLevel);

    /// <summary>InfiniTime raw XYZ.</summary>
    public static GattProfile InfiniTimeMotion { get; } = new("infinitime-motion", Gatt.GattUuids.InfiniTimeRawXyz);

    /// <summary>InfiniTime step count.</summary>
    public static GattProfile InfiniTimeSteps { get; } = new("infinitime-steps", Gatt.GattUuids.InfiniTimeStepCount);

    /// <summary>Polar PMD data frames.</summary>
    public static GattProfile PolarPmd { get; } = new("polar-pmd", Gatt.GattUuids.PolarPmdData);

    /// <summary>Polar PMD control-point answers (settings, start, stop).</summary>
    public static GattProfile PolarPmdControl { get; } = new("polar-pmd-control", Gatt.GattUuids.PolarPmdControlPoint);
}
