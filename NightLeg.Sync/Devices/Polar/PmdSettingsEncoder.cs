using System.Buffers.Binary;

namespace NightLeg.Sync.Devices.Polar;

/// <summary>
/// Encodes a PMD settings list, <c>[type u8][count u8][count × value]</c> (Polar BLE SDK, PmdSetting),
/// as a sensor sends it in a get-settings answer: the simulated sensors answer with it. Pure.
/// </summary>
public static class PmdSettingsEncoder
{
    /// <summary>The settings list for <paramref name="settings"/> (types in ascending order).</summary>
    public static byte[] Encode(PmdSettings settings)
    {
        var bytes = new List<byte>();
        Span<byte> field = stackalloc byte[4];
        foreach (var (type, values) in settings.Values.OrderBy(v => v.Key))
        {
            bytes.Add((byte)type);
            bytes.Add(checked((byte)values.Count));
            foreach (var value in values)
            {
                switch (type)
                {
                    case PmdSettingType.SampleRate or PmdSettingType.Resolution or PmdSettingType.Range:
                        BinaryPrimitives.WriteUInt16LittleEndian(field, checked((ushort)value));
                        bytes.AddRange(field[..2].ToArray());
                        break;
                    case PmdSettingType.RangeMilliUnit:
                        BinaryPrimitives.WriteUInt32LittleEndian(field, checked((uint)value));
                        bytes.AddRange(field.ToArray());
                        break;
                    case PmdSettingType.Channels:
                        bytes.Add(checked((byte)value));
                        break;
                    default:
                        BinaryPrimitives.WriteSingleLittleEndian(field, (float)value);
                        bytes.AddRange(field.ToArray());
                        break;
                }
            }
        }

        return [.. bytes];
    }

    /// <summary>A control-point answer: <c>F0, opcode, type, status, 0</c> and the settings list (success only).</summary>
    public static byte[] Response(byte opcode, PmdMeasurementType type, byte status, PmdSettings? parameters = null) =>
        [PmdControlPointResponseDecoder.ResponseCode, opcode, (byte)type, status, 0, .. status == 0 && parameters is not null ? Encode(parameters) : []];

    /// <summary>Settings from plain lists (e.g. an H10: rates 25, 50, 100, 200; 16 bit; 2, 4, 8 G; 3 channels).</summary>
    public static PmdSettings Offer(int[] ratesHz, int[] resolutionsBits, int[] rangesG, int[] channels) => new(new Dictionary<PmdSettingType, IReadOnlyList<double>>
    {
        [PmdSettingType.SampleRate] = ratesHz.Select(v => (double)v).ToList(),
        [PmdSettingType.Resolution] = resolutionsBits.Select(v => (double)v).ToList(),
        [PmdSettingType.Range] = rangesG.Select(v => (double)v).ToList(),
        [PmdSettingType.Channels] = channels.Select(v => (double)v).ToList(),
    });
}
