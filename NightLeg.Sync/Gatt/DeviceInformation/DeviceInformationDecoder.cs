using System.Text;

namespace NightLeg.Sync.Gatt.DeviceInformation;

/// <summary>
/// Device Information strings (0x2A29 manufacturer, 0x2A24 model, 0x2A26 firmware): UTF-8
/// (Device Information Service 1.1, §3). Some devices pad with NULs; those are trimmed. Pure and
/// thread-safe.
/// </summary>
public static class DeviceInformationDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes one string characteristic.</summary>
    public static DecodeResult<string> DecodeString(ReadOnlySpan<byte> payload)
    {
        var end = payload.Length;
        while (end > 0 && payload[end - 1] == 0)
        {
            end--;
        }

        try
        {
            return DecodeResult<string>.Success(StrictUtf8.GetString(payload[..end]));
        }
        catch (DecoderFallbackException e)
        {
            return DecodeResult<string>.Failure(DecodeErrorKind.InvalidValue, $"device-information: not UTF-8 at byte {e.Index}");
        }
    }
}
