using NightLeg.Sync.Gatt;
namespace NightLeg.Sync.Devices.Polar;

/// <summary>
/// PMD control-point response: <c>F0, opcode, measurement type, status, [more, parameters…]</c>
/// (more and parameters follow only on success; Polar BLE SDK, PmdControlPointResponse). Pure and
/// thread-safe.
/// </summary>
public static class PmdControlPointResponseDecoder
{
    /// <summary>The response code every control-point response starts with.</summary>
    public const byte ResponseCode = 0xF0;

    /// <summary>Decodes one response notification.</summary>
    public static DecodeResult<PmdControlPointResponse> Decode(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 4)
        {
            return DecodeResult<PmdControlPointResponse>.Failure(payload.IsEmpty ? DecodeErrorKind.Empty : DecodeErrorKind.TooShort,
                $"pmd-control-point: a response has at least 4 bytes (F0, opcode, type, status), got {payload.Length}");
        }

        if (payload[0] != ResponseCode)
        {
            return DecodeResult<PmdControlPointResponse>.Failure(DecodeErrorKind.InvalidValue,
                $"pmd-control-point: response code 0x{payload[0]:x2}, expected 0xf0");
        }

        var status = payload[3];
        var more = status == 0 && payload.Length > 4 && payload[4] != 0;
        var parameters = status == 0 && payload.Length > 5 ? payload[5..].ToArray() : [];
        return DecodeResult<PmdControlPointResponse>.Success(new PmdControlPointResponse(payload[1], payload[2], status, more, parameters));
    }
}
