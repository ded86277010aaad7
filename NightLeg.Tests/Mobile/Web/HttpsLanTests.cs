using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using NightLeg.Mobile.Web.Tls;
using NightLeg.Sync.Files;
using NightLeg.Tests.Support;

namespace NightLeg.Tests.Mobile.Web;

/// <summary>
/// HTTPS on the local network with NightLeg's own certificate authority: the chain verifies
/// against <c>nightleg-ca.crt</c> and nothing else, the CA is public and its key owner-only, the CA
/// cannot vouch for other people's names, certificates renew themselves, and plain HTTP is given
/// up only knowingly. (Issue 12.)
/// </summary>
[Collection(RealTimeCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class HttpsLanTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("nightleg-tls-").FullName;

    private string Db => Path.Combine(_dir, "nightleg.db");

    private string CaFile => Path.Combine(_dir, LocalCertificateAuthority.CertificateFileName);

    [Fact]
    public async Task ServeLan_ChainVerifiesAgainstTheCaOnly_401WithoutCode_CaPublic_KeyOwnerOnly_NoPlainHttp()
    {
        // Arrange
        await using var nightleg = NightLegProcess.Start(["serve", "--lan", "--urls", "https://127.0.0.1:0", "--db", Db]);
        var url = await nightleg.WaitForUrlAsync();
        Assert.StartsWith("https://127.0.0.1:", url);
        using var ca = X509CertificateLoader.LoadCertificateFromFile(CaFile);
        X509Certificate2? served = null;
        using var trusting = new HttpClient(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, errors) =>
            {
                served = new X509Certificate2(certificate!);
                return (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) == SslPolicyErrors.None && VerifiesAgainst(served, ca);
            },
        }) { BaseAddress = new Uri(url) };

        // Act
        using var page = await trusting.GetAsync("/tonight");
        using var caResponse = await trusting.GetAsync("/ca.crt");
        var caBytes = await caResponse.Content.ReadAsByteArrayAsync();
        using var ordinary = new HttpClient { BaseAddress = new Uri(url) };
        var untrusted = await Record.ExceptionAsync(() => ordinary.GetAsync("/tonight"));
        var plain = await PlainHttpAsync(new Uri(url).Port);

        // Assert: TLS verified against our CA alone; pages need the code; the CA certificate does not.
        Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, caResponse.StatusCode);
        Assert.Equal(await File.ReadAllBytesAsync(CaFile), caBytes);
        Assert.Equal("application/x-x509-ca-cert", caResponse.Content.Headers.ContentType?.MediaType);
        Assert.IsType<HttpRequestException>(untrusted);
        Assert.DoesNotContain("NightLeg", plain, StringComparison.Ordinal);

        // The server certificate: for this address, a server's, and under 398 days.
        Assert.NotNull(served);
        var san = served!.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Contains(IPAddress.Loopback, san.EnumerateIPAddresses());
        Assert.Contains("localhost", san.EnumerateDnsNames());
        Assert.True((served.NotAfter - served.NotBefore).TotalDays <= 397, $"{served.NotBefore:O} – {served.NotAfter:O}");
        Assert.Contains(served.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<Oid>(), o => o.Value == "1.3.6.1.5.5.7.3.1");

        // The key is the owner's alone; the certificate may be read by anyone.
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_dir, LocalCertificateAuthority.KeyFileName)));
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", await File.ReadAllTextAsync(CaFile));
        Assert.Contains("Its SHA-256 fingerprint: ", nightleg.Stdout);

        // The terminal shows the phone's address as a QR code, the steps for Android and iPhone, then the code.
        Assert.Contains("Scan with the phone's camera:", nightleg.Stdout);
        Assert.Contains("█", nightleg.Stdout);
        Assert.Contains("  Android: Settings › Security and privacy › More security settings › Install from device storage › CA certificate", nightleg.Stdout);
        Assert.Contains("  iPhone:  Settings › General › VPN & Device Management › NightLeg local CA › Install", nightleg.Stdout);
        Assert.True(nightleg.Stdout.IndexOf("Its SHA-256", StringComparison.Ordinal) < nightleg.Stdout.IndexOf("Access code:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SecondStart_KeepsTheSameAuthority_SoThePhoneNeedNotTrustAgain()
    {
        await using (var first = NightLegProcess.Start(["serve", "--lan", "--urls", "https://127.0.0.1:0", "--db", Db]))
        {
            await first.WaitForUrlAsync();
        }

        var before = await File.ReadAllBytesAsync(CaFile);
        await using var second = NightLegProcess.Start(["serve", "--lan", "--urls", "https://127.0.0.1:0", "--db", Db]);
        await second.WaitForUrlAsync();

        Assert.Equal(before, await File.ReadAllBytesAsync(CaFile));
    }

    [Fact]
    public void StolenKey_CannotVouchForSomeoneElsesName()
    {
        // Arrange: the CA, and a certificate for a bank signed with its key (as a thief would).
        using var authority = LocalCertificateAuthority.LoadOrCreate(_dir, TimeProvider.System, "bedside");
        using var caKey = ECDsa.Create();
        caKey.ImportFromPem(File.ReadAllText(Path.Combine(_dir, LocalCertificateAuthority.KeyFileName)));
        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=www.bank.example", leafKey, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("www.bank.example");
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var forged = request.Create(authority.Certificate.SubjectName, X509SignatureGenerator.CreateForECDsa(caKey), DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(30), [1, 2, 3]);
        var honest = authority.IssueServer(["bedside.local", "www.bank.example"], [IPAddress.Parse("192.168.1.20"), IPAddress.Parse("8.8.8.8")], DateTimeOffset.UtcNow);

        // Assert: the forged one fails on the CA's name constraints; ours verifies (and never names what it may not).
        Assert.False(VerifiesAgainst(forged, authority.Certificate, out var status));
        Assert.Contains(status, s => s.Status.HasFlag(X509ChainStatusFlags.HasNotPermittedNameConstraint) || s.Status.HasFlag(X509ChainStatusFlags.HasExcludedNameConstraint) ||
                                     s.Status.HasFlag(X509ChainStatusFlags.InvalidNameConstraints));
        Assert.True(VerifiesAgainst(honest, authority.Certificate, out var honestStatus), string.Join(", ", honestStatus.Select(s => s.StatusInformation)));
        var names = honest.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Equal(["bedside.local"], names.EnumerateDnsNames());
        Assert.Equal([IPAddress.Parse("192.168.1.20")], names.EnumerateIPAddresses());
    }

    [Fact]
    public void ServerCertificate_RenewedWhenTheAddressChanges_AndBeforeItExpires()
    {
        // Arrange
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        var address = IPAddress.Parse("192.168.1.20");
        using var certificates = new ServerCertificates(LocalCertificateAuthority.LoadOrCreate(_dir, time, "bedside"), time,
            () => (["bedside", "bedside.local", "localhost"], [IPAddress.Loopback, address]));
        var first = certificates.Current;

        // Act 1: within the minute, same certificate; after it, same addresses: still the same.
        time.Advance(TimeSpan.FromMinutes(2));
        var same = certificates.Current;

        // Act 2: the router hands out a new address.
        address = IPAddress.Parse("192.168.1.77");
        time.Advance(TimeSpan.FromMinutes(2));
        var moved = certificates.Current;

        // Act 3: 367 days later (30 days before it ends).
        time.Advance(TimeSpan.FromDays(367));
        var renewed = certificates.Current;

        // Assert
        Assert.Same(first, same);
        Assert.NotSame(first, moved);
        Assert.Contains(IPAddress.Parse("192.168.1.77"), moved.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateIPAddresses());
        Assert.NotSame(moved, renewed);
        Assert.True(renewed.NotAfter.ToUniversalTime() > time.GetUtcNow().UtcDateTime.AddDays(390));
    }

    [Fact]
    public void AuthorityFiles_NotOursOrUnsafe_Refused_AndLeftAsTheyWere()
    {
        // A certificate without its key.
        File.WriteAllText(CaFile, "not a certificate\n");
        var alone = Assert.Throws<FileRefusedException>(() => LocalCertificateAuthority.LoadOrCreate(_dir, TimeProvider.System, "bedside"));
        Assert.Equal($"{CaFile} has no key beside it (nightleg-ca.key); NightLeg has not changed it. Move it away to make a new certificate authority", alone.Message);
        Assert.Equal("not a certificate\n", File.ReadAllText(CaFile));

        // A key others can read.
        File.Delete(CaFile);
        using (LocalCertificateAuthority.LoadOrCreate(_dir, TimeProvider.System, "bedside"))
        {
        }

        var key = Path.Combine(_dir, LocalCertificateAuthority.KeyFileName);
        File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var open = Assert.Throws<FileRefusedException>(() => LocalCertificateAuthority.LoadOrCreate(_dir, TimeProvider.System, "bedside"));
        Assert.StartsWith($"{key} can be read by others (mode 644)", open.Message);
    }

    [Fact]
    public async Task LanOverPlainHttp_RefusedUnlessAskedKnowingly_ThenSaidLoudly()
    {
        var (code, _, stderr) = await NightLegProcess.RunAsync(["serve", "--lan", "--urls", "http://127.0.0.1:0", "--db", Db]);
        Assert.Equal(2, code);
        Assert.StartsWith("nightleg: --lan serves HTTPS only, and --urls has http://127.0.0.1:0: use https://, or add --insecure-http to give up encryption knowingly", stderr.Trim());
        Assert.False(File.Exists(Db));

        await using var insecure = NightLegProcess.Start(["serve", "--lan", "--insecure-http", "--urls", "http://127.0.0.1:0", "--db", Db]);
        var url = await insecure.WaitForUrlAsync();
        await WaitForLineAsync(insecure, "Access code:");
        Assert.StartsWith("http://", url);
        Assert.Contains("WARNING: --insecure-http: plain HTTP on the local network.", insecure.Stdout);
        Assert.False(File.Exists(CaFile));
    }

    [Fact]
    public async Task OwnCertificate_Served_AndNoCaOfOurs()
    {
        // Arrange: the user's own certificate, e.g. from their router.
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=bedside.home.arpa", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("bedside.tail1234.ts.net");
        request.CertificateExtensions.Add(san.Build());
        using var own = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(90));
        var cert = Path.Combine(_dir, "own.crt");
        var keyFile = Path.Combine(_dir, "own.key");
        await File.WriteAllTextAsync(cert, own.ExportCertificatePem());
        await File.WriteAllTextAsync(keyFile, key.ExportPkcs8PrivateKeyPem());

        // Act
        await using var nightleg = NightLegProcess.Start(["serve", "--lan", "--urls", "https://127.0.0.1:0", "--cert", cert, "--key", keyFile, "--db", Db]);
        var url = await nightleg.WaitForUrlAsync();
        X509Certificate2? served = null;
        using var http = new HttpClient(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
            {
                served = new X509Certificate2(certificate!);
                return true;
            },
        }) { BaseAddress = new Uri(url) };
        using var caResponse = await http.GetAsync("/ca.crt");
        using var byItsName = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/tonight") { Headers = { Host = $"bedside.tail1234.ts.net:{new Uri(url).Port}" } });
        using var rebound = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/tonight") { Headers = { Host = "rebind.evil.example" } });

        // Assert: served; the certificate's own name is one of this machine's names (asks for the code), others are not.
        Assert.Equal(own.Thumbprint, served?.Thumbprint);
        Assert.Equal(HttpStatusCode.Unauthorized, byItsName.StatusCode);
        Assert.Equal(HttpStatusCode.MisdirectedRequest, rebound.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, caResponse.StatusCode);
        Assert.False(File.Exists(CaFile));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static bool VerifiesAgainst(X509Certificate2 leaf, X509Certificate2 ca) => TrustOurCa.Verifies(leaf, ca, out _);

    private static bool VerifiesAgainst(X509Certificate2 leaf, X509Certificate2 ca, out X509ChainStatus[] status) => TrustOurCa.Verifies(leaf, ca, out status);

    private static async Task<string> PlainHttpAsync(int port)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        var stream = client.GetStream();
        await stream.WriteAsync("GET /ca.crt HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"u8.ToArray());
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var total = new StringBuilder();
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                total.Append(Encoding.Latin1.GetString(buffer, 0, read));
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
        }

        return total.ToString();
    }

    private static async Task WaitForLineAsync(NightLegProcess process, string text) =>
        Assert.True(await Eventually.HoldsAsync(() => process.Stdout.Contains(text, StringComparison.Ordinal), TimeSpan.FromSeconds(20)), process.Stdout);
}
