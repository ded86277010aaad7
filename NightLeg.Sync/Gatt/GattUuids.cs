namespace NightLeg.Sync.Gatt;

/// <summary>
/// Every GATT service and characteristic UUID NightLeg uses, in one place (128-bit, lowercase,
/// as BlueZ and captures write them). Sources: Bluetooth SIG Assigned Numbers; InfiniTime
/// doc/MotionService.md; Polar BLE SDK (PMD). See ../shared/PROTOCOLS.md.
/// </summary>
public static class GattUuids
{
    /// <summary>Heart Rate Service 0x180D.</summary>
    public static readonly Guid HeartRateService = Sig(0x180D);

    /// <summary>Heart Rate Measurement 0x2A37 (notify).</summary>
    public static readonly Guid HeartRateMeasurement = Sig(0x2A37);

    /// <summary>Body Sensor Location 0x2A38 (read).</summary>
    public static readonly Guid BodySensorLocation = Sig(0x2A38);

    /// <summary>Heart Rate Control Point 0x2A39 (write).</summary>
    public static readonly Guid HeartRateControlPoint = Sig(0x2A39);

    /// <summary>Battery Service 0x180F.</summary>
    public static readonly Guid BatteryService = Sig(0x180F);

    /// <summary>Battery Level 0x2A19 (read, notify).</summary>
    public static readonly Guid BatteryLevel = Sig(0x2A19);

    /// <summary>Device Information Service 0x180A.</summary>
    public static readonly Guid DeviceInformationService = Sig(0x180A);

    /// <summary>Manufacturer Name String 0x2A29.</summary>
    public static readonly Guid ManufacturerName = Sig(0x2A29);

    /// <summary>Model Number String 0x2A24.</summary>
    public static readonly Guid ModelNumber = Sig(0x2A24);

    /// <summary>Firmware Revision String 0x2A26.</summary>
    public static readonly Guid FirmwareRevision = Sig(0x2A26);

    /// <summary>InfiniTime Motion Service (InfiniTime ≥ 1.7).</summary>
    public static readonly Guid InfiniTimeMotionService = Guid.Parse("00030000-78fc-48fe-8e23-433b3a1942d0");

    /// <summary>InfiniTime step count: uint32, read + notify on change.</summary>
    public static readonly Guid InfiniTimeStepCount = Guid.Parse("00030001-78fc-48fe-8e23-433b3a1942d0");

    /// <summary>InfiniTime raw accelerometer XYZ: int16 ×3, 1024 = 1 g, notify on change.</summary>
    public static readonly Guid InfiniTimeRawXyz = Guid.Parse("00030002-78fc-48fe-8e23-433b3a1942d0");

    /// <summary>Polar Measurement Data service.</summary>
    public static readonly Guid PolarPmdService = Guid.Parse("fb005c80-02e7-f387-1cad-8acd2d8df0c8");

    /// <summary>PMD control point (write + notify responses).</summary>
    public static readonly Guid PolarPmdControlPoint = Guid.Parse("fb005c81-02e7-f387-1cad-8acd2d8df0c8");

    /// <summary>PMD data (notify).</summary>
    public static readonly Guid PolarPmdData = Guid.Parse("fb005c82-02e7-f387-1cad-8acd2d8df0c8");

    /// <summary>The 128-bit form of a 16-bit SIG UUID: 0000xxxx-0000-1000-8000-00805f9b34fb.</summary>
    public static Guid Sig(ushort shortUuid) => Guid.Parse($"0000{shortUuid:x4}-0000-1000-8000-00805f9b34fb");

    /// <summary>The lowercase 128-bit text form used in captures and on D-Bus.</summary>
    public static string Format(Guid uuid) => uuid.ToString("D");
}
