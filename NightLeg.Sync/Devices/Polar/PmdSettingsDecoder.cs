using System.Buffers.Binary;
using NightLeg.Sync.Gatt;

namespace NightLeg.Sync.Devices.Polar;

/// <summary>
/// Decodes a PMD settings list: repeated <c>[type u8][count u8][count × value]</c>, value size by
/// type (Polar BLE SDK, PmdSetting). Pure and thread-safe.
/// </summary>
public static class PmdSettingsDecoder
{
    /// <summary>Decodes the list.</summary>
    public static DecodeResult<PmdSettings> Decode(ReadOnlySpan<byte> payload)
    {
        var values = new Dictionary<PmdSettingType, IReadOnlyList<double>>();
        var offset = 0;
        while (offset < payload.Length)
        {
            if (payload.Length - offset < 2)
            {
                return DecodeResult<PmdSettings>.Failure(DecodeErrorKind.TooShort, $"pmd-settings: a setting at offset {offset} needs a type and a count, {payload.Length - offset} byte remains");
            }

            var type = payload[offset];
            var count = payload[offset + 1];
            offset += 2;
            var size = SizeOf(type);
            if (size is null)
            {
                return DecodeResult<PmdSettings>.Failure(DecodeErrorKind.Unsupported, $"pmd-settings: unknown setting type {type} at offset {offset - 2}");
            }

            if (payload.Length - offset < count * size.Value)
            {
                return DecodeResult<PmdSettings>.Failure(DecodeErrorKind.TooShort,
                    $"pmd-settings: setting type {type} announces {count} value(s) of {size} bytes, {payload.Length - offset} bytes remain");
            }

            var list = new double[type == (byte)PmdSettingType.Security ? 0 : count];
            for (var i = 0; i < list.Length; i++)
            {
                var field = payload.Slice(offset + (i * size.Value), size.Value);
                list[i] = (PmdSettingType)type switch
                {
                    PmdSettingType.SampleRate or PmdSettingType.Resolution or PmdSettingType.Range => BinaryPrimitives.ReadUInt16LittleEndian(field),
                    PmdSettingType.RangeMilliUnit => BinaryPrimitives.ReadUInt32LittleEndian(field),
                    PmdSettingType.Channels => field[0],
                    _ => BinaryPrimitives.ReadSingleLittleEndian(field),
                };
            }

            offset += count * size.Value;
            values[(PmdSettingType)type] = list;
        }

        return DecodeResult<PmdSettings>.Success(new PmdSettings(values));
    }

    private static int? SizeOf(byte type) => (PmdSettingType)type switch
    {
        PmdSettingType.SampleRate or PmdSettingType.Resolution or PmdSettingType.Range => 2,
        PmdSettingType.RangeMilliUnit => 4,
        PmdSettingType.Channels => 1,
        PmdSettingType.Factor => 4,
        PmdSettingType.Security => 16,
        _ => null,
    };
}
