using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace NightLeg.Mobile.Web.Tls;

/// <summary>
/// The certificate HTTPS answers with: the user's own (<c>--cert/--key</c>), or one issued by
/// NightLeg's <see cref="LocalCertificateAuthority"/> for this machine's names and LAN addresses —
/// issued again, without a restart, 30 days before it expires and when the addresses change
/// (looked at once a minute). Thread-safe.
/// </summary>
public sealed class ServerCertificates : IDisposable
{
    /// <summary>A certificate is renewed this long before it expires.</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromDays(30);

    private static readonly TimeSpan CheckInterval = TimeSpan.FromMinutes(1);
    private readonly LocalCertificateAuthority? _authority;
    private readonly TimeProvider _time;
    private readonly Func<(IReadOnlyList<string> Names, IReadOnlyList<IPAddress> Addresses)> _machine;
    private readonly Lock _gate = new();
    private X509Certificate2 _current;
    private string _issuedFor;
    private DateTimeOffset _checkedAt;

    /// <summary>Certificates issued by <paramref name="authority"/> for what <paramref name="machine"/> says this machine is called and reached at.</summary>
    public ServerCertificates(LocalCertificateAuthority authority, TimeProvider time, Func<(IReadOnlyList<string> Names, IReadOnlyList<IPAddress> Addresses)>? machine = null)
    {
        _authority = authority;
        _time = time;
        _machine = machine ?? MachineNames;
        (_current, _issuedFor) = Issue(_machine());
        _checkedAt = time.GetUtcNow();
    }

    /// <summary>The user's own certificate, always.</summary>
    public ServerCertificates(X509Certificate2 own, TimeProvider time)
    {
        _current = own;
        _issuedFor = string.Empty;
        _time = time;
        _machine = MachineNames;
    }

    /// <summary>The authority, when NightLeg issues the certificates.</summary>
    public LocalCertificateAuthority? Authority => _authority;

    /// <summary>The certificate to answer with now (renewed first when due).</summary>
    public X509Certificate2 Current
    {
        get
        {
            if (_authority is null)
            {
                return _current;
            }

            var now = _time.GetUtcNow();
            lock (_gate)
            {
                if (now - _checkedAt < CheckInterval && _current.NotAfter.ToUniversalTime() - now.UtcDateTime > RenewBefore)
                {
                    return _current;
                }

                _checkedAt = now;
                var (names, addresses) = _machine();
                if (Key(names, addresses) != _issuedFor || _current.NotAfter.ToUniversalTime() - now.UtcDateTime <= RenewBefore)
                {
                    // The old one is not disposed: a handshake may still be using it.
                    (_current, _issuedFor) = Issue((names, addresses));
                }

                return _current;
            }
        }
    }

    /// <summary>Loads the user's own PEM certificate and key; throws <see cref="NightLeg.Sync.Files.FileRefusedException"/> naming the file.</summary>
    public static X509Certificate2 LoadOwn(string certificatePath, string keyPath)
    {
        foreach (var path in new[] { certificatePath, keyPath })
        {
            if (!File.Exists(path))
            {
                throw new NightLeg.Sync.Files.FileRefusedException($"{path} does not exist");
            }
        }

        try
        {
            using var pem = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
            if (!pem.HasPrivateKey)
            {
                throw new NightLeg.Sync.Files.FileRefusedException($"{keyPath} is not the key of {certificatePath}");
            }

            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }
        catch (CryptographicException e)
        {
            throw new NightLeg.Sync.Files.FileRefusedException($"{certificatePath} with {keyPath}: not a PEM certificate and its key ({e.Message.TrimEnd('.')})", e);
        }
    }

    /// <summary>This machine's names (host, host.local, localhost) and its addresses that are up (loopback included).</summary>
    public static (IReadOnlyList<string> Names, IReadOnlyList<IPAddress> Addresses) MachineNames()
    {
        var host = LocalCertificateAuthority.Sanitize(MachineAddresses.HostName);
        var names = new List<string> { "localhost" };
        if (host.Length > 0)
        {
            names.Insert(0, host);
            names.Insert(1, host.EndsWith(".local", StringComparison.Ordinal) ? host : host + ".local");
        }

        List<IPAddress> addresses = [IPAddress.Loopback, IPAddress.IPv6Loopback, .. MachineAddresses.Up()];
        return (names, addresses.Distinct().ToList());
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _current.Dispose();
        _authority?.Dispose();
    }

    private (X509Certificate2, string) Issue((IReadOnlyList<string> Names, IReadOnlyList<IPAddress> Addresses) machine) =>
        (_authority!.IssueServer(machine.Names, machine.Addresses, _time.GetUtcNow()), Key(machine.Names, machine.Addresses));

    private static string Key(IEnumerable<string> names, IEnumerable<IPAddress> addresses) =>
        string.Join(',', names.Select(n => n.ToLowerInvariant()).Order()) + ";" + string.Join(',', addresses.Where(LocalCertificateAuthority.IsPermitted).Select(a => a.ToString()).Order());
}
