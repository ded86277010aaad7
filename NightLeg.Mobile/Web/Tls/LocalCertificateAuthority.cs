using System.Formats.Asn1;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using NightLeg.Sync.Files;
using NightLeg.Sync.Storage;

namespace NightLeg.Mobile.Web.Tls;

/// <summary>
/// NightLeg's own certificate authority for HTTPS on the local network, made on first use with .NET's
/// cryptography (no openssl): <c>nightleg-ca.crt</c> (public, PEM) beside the database and its key
/// <c>nightleg-ca.key</c> (owner-only). A phone that trusts it trusts NightLeg's server certificates —
/// and nothing else: the CA is name-constrained to local names (<c>.local</c>, this host's name,
/// <c>localhost</c>) and private addresses, so even a stolen key cannot impersonate a bank.
/// Server certificates (<see cref="IssueServer"/>) last under 397 days, as phones demand.
/// </summary>
public sealed class LocalCertificateAuthority : IDisposable
{
    public const string CertificateFileName = "nightleg-ca.crt";
    public const string KeyFileName = "nightleg-ca.key";

    /// <summary>How long a server certificate is valid (phones refuse more than 398 days).</summary>
    public static readonly TimeSpan ServerLifetime = TimeSpan.FromDays(396);

    /// <summary>How long the CA is valid (a phone trusts it once; it is not a TLS server certificate).</summary>
    public static readonly TimeSpan AuthorityLifetime = TimeSpan.FromDays(3650);

    /// <summary>The DNS names the CA may vouch for (each with its sub-domains).</summary>
    public static readonly IReadOnlyList<string> PermittedDomains = ["local", "localhost", "home.arpa", "lan", "internal"];

    /// <summary>The networks the CA may vouch for: private, link-local, loopback and carrier-grade NAT (VPNs such as Tailscale).</summary>
    public static readonly IReadOnlyList<(IPAddress Network, int Prefix)> PermittedNetworks =
    [
        (IPAddress.Parse("10.0.0.0"), 8), (IPAddress.Parse("172.16.0.0"), 12), (IPAddress.Parse("192.168.0.0"), 16),
        (IPAddress.Parse("127.0.0.0"), 8), (IPAddress.Parse("169.254.0.0"), 16), (IPAddress.Parse("100.64.0.0"), 10),
        (IPAddress.Parse("fc00::"), 7), (IPAddress.Parse("fe80::"), 10), (IPAddress.IPv6Loopback, 128),
    ];

    private readonly ECDsa _key;

    private LocalCertificateAuthority(X509Certificate2 certificate, ECDsa key, string certificatePath, bool created)
    {
        Certificate = certificate;
        _key = key;
        CertificatePath = certificatePath;
        Created = created;
    }

    /// <summary>The CA certificate (public).</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>Where <c>nightleg-ca.crt</c> is.</summary>
    public string CertificatePath { get; }

    /// <summary>True when it was made just now.</summary>
    public bool Created { get; }

    /// <summary>The SHA-256 fingerprint, as phones show it (AB:CD:…), to compare before trusting.</summary>
    public string Fingerprint => Convert.ToHexString(Certificate.GetCertHash(HashAlgorithmName.SHA256)).Chunk(2).Select(c => new string(c)).Aggregate((a, b) => a + ":" + b);

    /// <summary>
    /// The CA in <paramref name="folder"/>, made if there is none. Refuses (with the path and what to
    /// do) a certificate without its key, a key others can read, or files that are not a NightLeg CA.
    /// </summary>
    public static LocalCertificateAuthority LoadOrCreate(string folder, TimeProvider time, string hostName)
    {
        var crt = Path.Combine(folder, CertificateFileName);
        var key = Path.Combine(folder, KeyFileName);
        var now = time.GetUtcNow();
        if (File.Exists(crt) || File.Exists(key))
        {
            if (!File.Exists(key))
            {
                throw new FileRefusedException($"{crt} has no key beside it ({KeyFileName}); NightLeg has not changed it. Move it away to make a new certificate authority");
            }

            if (!File.Exists(crt))
            {
                throw new FileRefusedException($"{key} has no certificate beside it ({CertificateFileName}); NightLeg has not changed it. Move it away to make a new certificate authority");
            }

            if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(key) & ~OwnerOnly.FileMode) != 0)
            {
                throw new FileRefusedException($"{key} can be read by others (mode {Convert.ToString((int)File.GetUnixFileMode(key), 8)}); with it anyone can pose as NightLeg. Run chmod 600 on it, or delete both CA files to make new ones");
            }

            try
            {
                var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(crt));
                var ecdsa = ECDsa.Create();
                ecdsa.ImportFromPem(File.ReadAllText(key));
                if (certificate.Extensions[Oids.BasicConstraints] is not X509BasicConstraintsExtension { CertificateAuthority: true } ||
                    !certificate.Subject.Contains("NightLeg", StringComparison.Ordinal) ||
                    certificate.GetECDsaPublicKey() is not { } pub || !pub.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(ecdsa.ExportSubjectPublicKeyInfo()))
                {
                    throw new FileRefusedException($"{crt} and {KeyFileName} are not a NightLeg certificate authority and its key; NightLeg has not changed them. Move them away");
                }

                if (certificate.NotAfter.ToUniversalTime() < now.UtcDateTime.AddDays(30))
                {
                    throw new FileRefusedException($"{crt} expires on {certificate.NotAfter:yyyy-MM-dd}. Delete both CA files to make a new one (and trust it again on the phone)");
                }

                return new LocalCertificateAuthority(certificate, ecdsa, crt, created: false);
            }
            catch (Exception e) when (e is CryptographicException or ArgumentException)
            {
                throw new FileRefusedException($"{crt} or {key} cannot be read as a certificate and its key ({e.Message.TrimEnd('.')}); NightLeg has not changed them", e);
            }
        }

        var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName($"CN=NightLeg local CA ({Sanitize(hostName)}), O=NightLeg"), caKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(NameConstraints(hostName));
        var ca = request.CreateSelfSigned(now.AddDays(-1), now + AuthorityLifetime);
        using (var stream = OwnerOnly.CreateNew(key))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(caKey.ExportPkcs8PrivateKeyPem());
        }

        OutputFile.WriteAll([(crt, s => s.Write(System.Text.Encoding.ASCII.GetBytes(ca.ExportCertificatePem() + "\n")))], ownerOnly: false);
        var publicCa = X509CertificateLoader.LoadCertificate(ca.RawData);
        ca.Dispose();
        return new LocalCertificateAuthority(publicCa, caKey, crt, created: true);
    }

    /// <summary>A server certificate for these names and addresses (only those the CA may vouch for), valid from now for <see cref="ServerLifetime"/>.</summary>
    public X509Certificate2 IssueServer(IEnumerable<string> dnsNames, IEnumerable<IPAddress> addresses, DateTimeOffset now)
    {
        var names = dnsNames.Where(n => IsPermitted(n, HostFromCa())).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var ips = addresses.Where(IsPermitted).Distinct().ToList();
        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName($"CN={names.FirstOrDefault() ?? "NightLeg"}, O=NightLeg"), leafKey, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        foreach (var name in names)
        {
            san.AddDnsName(name);
        }

        foreach (var ip in ips)
        {
            san.AddIpAddress(ip);
        }

        request.CertificateExtensions.Add(san.Build(critical: false));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(Oids.ServerAuth)], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        var notAfter = now + ServerLifetime;
        using var issued = request.Create(Certificate.SubjectName, X509SignatureGenerator.CreateForECDsa(_key), now.AddHours(-1),
            notAfter < Certificate.NotAfter ? notAfter : new DateTimeOffset(Certificate.NotAfter.ToUniversalTime()), serial);
        using var withKey = issued.CopyWithPrivateKey(leafKey);
        // Through PKCS#12 so that the key is usable by the TLS stack on every platform.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>True when the CA may vouch for <paramref name="address"/>.</summary>
    public static bool IsPermitted(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return PermittedNetworks.Any(n => n.Network.AddressFamily == address.AddressFamily && InNetwork(address, n.Network, n.Prefix));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _key.Dispose();
        Certificate.Dispose();
    }

    private string HostFromCa()
    {
        var cn = Certificate.GetNameInfo(X509NameType.SimpleName, false);
        var open = cn.IndexOf('(');
        return open < 0 ? string.Empty : cn[(open + 1)..].TrimEnd(')');
    }

    private static bool IsPermitted(string name, string host) =>
        name.Equals(host, StringComparison.OrdinalIgnoreCase) || name.EndsWith("." + host, StringComparison.OrdinalIgnoreCase) ||
        PermittedDomains.Any(d => name.Equals(d, StringComparison.OrdinalIgnoreCase) || name.EndsWith("." + d, StringComparison.OrdinalIgnoreCase));

    private static bool InNetwork(IPAddress address, IPAddress network, int prefix)
    {
        var a = address.GetAddressBytes();
        var n = network.GetAddressBytes();
        for (var bit = 0; bit < prefix; bit++)
        {
            var mask = 0x80 >> (bit % 8);
            if ((a[bit / 8] & mask) != (n[bit / 8] & mask))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The critical name-constraints extension (RFC 5280 §4.2.1.10): DNS names and IP networks permitted, nothing else.</summary>
    private static X509Extension NameConstraints(string hostName)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            var permitted = new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true);
            writer.PushSequence(permitted);
            foreach (var domain in PermittedDomains.Append(Sanitize(hostName)).Where(d => d.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                using (writer.PushSequence())
                {
                    writer.WriteCharacterString(UniversalTagNumber.IA5String, domain, new Asn1Tag(TagClass.ContextSpecific, 2));
                }
            }

            foreach (var (network, prefix) in PermittedNetworks)
            {
                var bytes = network.GetAddressBytes();
                var mask = new byte[bytes.Length];
                for (var bit = 0; bit < prefix; bit++)
                {
                    mask[bit / 8] |= (byte)(0x80 >> (bit % 8));
                }

                using (writer.PushSequence())
                {
                    writer.WriteOctetString([.. bytes, .. mask], new Asn1Tag(TagClass.ContextSpecific, 7));
                }
            }

            writer.PopSequence(permitted);
        }

        return new X509Extension(Oids.NameConstraints, writer.Encode(), critical: true);
    }

    /// <summary>A host name as a DNS label (letters, digits, hyphens), lower case.</summary>
    public static string Sanitize(string hostName) =>
        new string(hostName.ToLowerInvariant().Where(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.').ToArray()).Trim('.', '-');

    private static class Oids
    {
        public const string BasicConstraints = "2.5.29.19";
        public const string NameConstraints = "2.5.29.30";
        public const string ServerAuth = "1.3.6.1.5.5.7.3.1";
    }
}
