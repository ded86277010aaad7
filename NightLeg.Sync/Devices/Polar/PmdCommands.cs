using System.Buffers.Binary;

namespace NightLeg.Sync.Devices.Polar;

/// <summary>Encodes PMD control-point commands (Polar BLE SDK, PmdControlPointCommand). Pure and thread-safe.</summary>
public static class PmdCommands
{
    /// <summary>Opcode 1: get measurement settings.</summary>
    public const byte GetSettingsOpcode = 1;

    /// <summary>Opcode 2: start measurement.</summary>
    public const byte StartOpcode = 2;

    /// <summary>Opcode 3: stop measurement.</summary>
    public const byte StopOpcode = 3;

    /// <summary>
    /// Start online ACC streaming: <c>02 02</c> then <c>[type, 1, value]</c> for sample rate (u16),
    /// resolution (u16), range in G (u16) and channels (u8). 52 Hz, 16 bit, 8 G, 3 channels gives
    /// <c>02 02 00 01 34 00 01 01 10 00 02 01 08 00 04 01 03</c>.
    /// </summary>
    public static byte[] StartAcc(int sampleRateHz = 52, int resolutionBits = 16, int rangeG = 8, int channels = 3)
    {
        var bytes = new byte[17];
        bytes[0] = StartOpcode;
        bytes[1] = (byte)PmdMeasurementType.Acc;
        WriteU16(bytes.AsSpan(2), PmdSettingType.SampleRate, sampleRateHz);
        WriteU16(bytes.AsSpan(6), PmdSettingType.Resolution, resolutionBits);
        WriteU16(bytes.AsSpan(10), PmdSettingType.Range, rangeG);
        bytes[14] = (byte)PmdSettingType.Channels;
        bytes[15] = 1;
        bytes[16] = checked((byte)channels);
        return bytes;
    }

    /// <summary>Ask which settings <paramref name="type"/> supports.</summary>
    public static byte[] GetSettings(PmdMeasurementType type) => [GetSettingsOpcode, (byte)type];

    private static void WriteU16(Span<byte> destination, PmdSettingType type, int value)
    {
        destination[0] = (byte)type;
        destination[1] = 1;
        BinaryPrimitives.WriteUInt16LittleEndian(destination[2..], checked((ushort)value));
    }
}
