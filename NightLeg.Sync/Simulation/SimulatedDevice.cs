namespace NightLeg.Sync.Simulation;

/// <summary>The wearables the simulator can imitate, byte for byte.</summary>
public enum SimulatedDevice
{
    /// <summary>A plain chest strap: Heart Rate Measurement with RR intervals, 1 Hz, nothing else.</summary>
    HrStrap,

    /// <summary>PineTime/InfiniTime: heart rate without RR (on change) and raw XYZ at 10 Hz (on change).</summary>
    InfiniTime,

    /// <summary>Polar H10: heart rate with RR at 1 Hz and PMD ACC at 52 Hz (raw int16 frames).</summary>
    PolarH10,
}

/// <summary>Command-line names of <see cref="SimulatedDevice"/>.</summary>
public static class SimulatedDeviceNames
{
    /// <summary>The names, as <c>--device</c> takes them.</summary>
    public static readonly string[] All = ["hr-strap", "infinitime", "polar-h10"];

    /// <summary>The device for a name.</summary>
    public static SimulatedDevice Parse(string name) => name switch
    {
        "hr-strap" => SimulatedDevice.HrStrap,
        "infinitime" => SimulatedDevice.InfiniTime,
        "polar-h10" => SimulatedDevice.PolarH10,
        _ => throw new ArgumentException($"unknown device \"{name}\" (hr-strap, infinitime, polar-h10)", nameof(name)),
    };

    /// <summary>The name of a device.</summary>
    public static string Name(SimulatedDevice device) => All[(int)device];
}
