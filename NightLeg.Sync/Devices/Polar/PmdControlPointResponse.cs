namespace NightLeg.Sync.Devices.Polar;

/// <summary>A decoded PMD control-point response. Immutable.</summary>
/// <param name="Opcode">The command answered (1 get settings, 2 start, 3 stop).</param>
/// <param name="MeasurementType">The measurement type byte (bit 7 set for offline recording).</param>
/// <param name="Status">0 = success; otherwise Polar's error code (see <see cref="StatusText"/>).</param>
/// <param name="More">True when more response frames follow.</param>
/// <param name="Parameters">Bytes after the header (a settings list for get-settings and start).</param>
public sealed record PmdControlPointResponse(byte Opcode, byte MeasurementType, byte Status, bool More, byte[] Parameters)
{
    /// <summary>True when the command succeeded.</summary>
    public bool Succeeded => Status == 0;

    /// <summary>Polar's name for the status code.</summary>
    public string StatusText => Status switch
    {
        0 => "success",
        1 => "invalid op code",
        2 => "invalid measurement type",
        3 => "not supported",
        4 => "invalid length",
        5 => "invalid parameter",
        6 => "already in state",
        7 => "invalid resolution",
        8 => "invalid sample rate",
        9 => "invalid range",
        10 => "invalid MTU",
        11 => "invalid number of channels",
        12 => "invalid state",
        13 => "device in charger",
        _ => $"error {Status}",
    };
}
