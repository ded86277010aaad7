namespace NightLeg.Sync.Devices.Polar;

/// <summary>PMD measurement types (Polar BLE SDK, PmdMeasurementType).</summary>
public enum PmdMeasurementType : byte
{
    /// <summary>0: electrocardiogram.</summary>
    Ecg = 0,

    /// <summary>1: photoplethysmogram.</summary>
    Ppg = 1,

    /// <summary>2: accelerometer.</summary>
    Acc = 2,

    /// <summary>3: peak-to-peak intervals.</summary>
    Ppi = 3,

    /// <summary>5: gyroscope.</summary>
    Gyro = 5,

    /// <summary>6: magnetometer.</summary>
    Mag = 6,
}
