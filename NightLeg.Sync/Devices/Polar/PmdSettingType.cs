namespace NightLeg.Sync.Devices.Polar;

/// <summary>PMD setting types and their value sizes (Polar BLE SDK, PmdSetting).</summary>
public enum PmdSettingType : byte
{
    /// <summary>0: sample rate in Hz, uint16.</summary>
    SampleRate = 0,

    /// <summary>1: resolution in bits, uint16.</summary>
    Resolution = 1,

    /// <summary>2: range in G (ACC) or other unit, uint16.</summary>
    Range = 2,

    /// <summary>3: range in milliunits, uint32.</summary>
    RangeMilliUnit = 3,

    /// <summary>4: number of channels, uint8.</summary>
    Channels = 4,

    /// <summary>5: FACTOR, float32: scale of compressed samples.</summary>
    Factor = 5,

    /// <summary>6: security material, 16 bytes (not decoded into values).</summary>
    Security = 6,
}
