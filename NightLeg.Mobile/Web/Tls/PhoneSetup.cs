using QRCoder;

namespace NightLeg.Mobile.Web.Tls;

/// <summary>
/// Setting up the phone (<c>serve --lan</c>): the address it opens, as text and as a QR code (for
/// the terminal and for Settings), and the certificate authority's fingerprint to compare before
/// trusting it. Known once NightLeg listens. Thread-safe.
/// </summary>
public sealed class PhoneSetup(ServerCertificates? certificates, ServedAddresses served)
{
    /// <summary>The address the phone opens (the first LAN address) once NightLeg listens, and only with <c>--lan</c>.</summary>
    public string? Url => served.PhoneUrlOnLan;

    /// <summary>True when NightLeg issues its own certificates (the phone must trust its CA once).</summary>
    public bool HasAuthority => certificates?.Authority is not null;

    /// <summary>The CA's SHA-256 fingerprint, when NightLeg has one.</summary>
    public string? Fingerprint => certificates?.Authority?.Fingerprint;

    private volatile Qr? _qr;

    /// <summary>The phone address as an SVG QR code (made once per address, not per page render), or null before it is known.</summary>
    public string? UrlQrSvg
    {
        get
        {
            if (Url is not { } url)
            {
                return null;
            }

            if (_qr is { } made && made.Url == url)
            {
                return made.Svg;
            }

            var svg = SvgQr(url);
            _qr = new Qr(url, svg);
            return svg;
        }
    }

    /// <summary>The CA certificate's address.</summary>
    public string? CertificateUrl => Url is { } url && HasAuthority ? url + NightLegWebHost.CaPath : null;

    /// <summary>A QR code of <paramref name="text"/> for a terminal (half blocks, two rows per line, with its quiet zone).</summary>
    public static string TerminalQr(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        using var code = new AsciiQRCode(data);
        // Terminals are mostly light text on dark: the quiet zone and light modules are drawn as
        // (light) blocks, the dark modules left as (dark) background — the polarity scanners expect.
        return code.GetGraphicSmall(drawQuietZones: true, invert: false, endOfLine: "\n");
    }

    /// <summary>A QR code of <paramref name="text"/> as SVG (black on white, scalable), for the page.</summary>
    public static string SvgQr(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        using var code = new SvgQRCode(data);
        return code.GetGraphic(new System.Drawing.Size(264, 264), "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }

    private sealed record Qr(string Url, string Svg);
}
