namespace NightLeg.Sync.Devices.Polar;

/// <summary>Names of measurement types as the JSON contract writes them.</summary>
public static class PmdMeasurementTypeNames
{
    /// <summary><c>acc</c>, <c>ecg</c>, …, or <c>type-N</c> for an unknown type.</summary>
    public static string Name(byte type) => type switch
    {
        0 => "ecg",
        1 => "ppg",
        2 => "acc",
        3 => "ppi",
        5 => "gyro",
        6 => "mag",
        _ => $"type-{type}",
    };
}
