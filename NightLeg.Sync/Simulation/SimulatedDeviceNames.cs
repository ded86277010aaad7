namespace NightLeg.Sync.Simulation;

/// <summary>Command-line names of <see cref="SimulatedDevice"/>.</summary>
public static class SimulatedDeviceNames
{
    /// <summary>The names, as <c>--device</c> takes them.</summary>
    public static readonly string[] All = ["hr-strap", "infinitime", "polar-h10", "wrist-hr"];

    /// <summary>The device for a name.</summary>
    public static SimulatedDevice Parse(string name) => name switch
    {
        "hr-strap" => SimulatedDevice.HrStrap,
        "infinitime" => SimulatedDevice.InfiniTime,
        "polar-h10" => SimulatedDevice.PolarH10,
        "wrist-hr" => SimulatedDevice.WristHr,
        _ => throw new ArgumentException($"unknown device \"{name}\" ({string.Join(", ", All)})", nameof(name)),
    };

    /// <summary>The name of a device.</summary>
    public static string Name(SimulatedDevice device) => All[(int)device];
}
