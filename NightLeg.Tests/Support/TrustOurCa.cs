using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using NightLeg.Mobile.Web.Tls;

namespace NightLeg.Tests.Support;

/// <summary>Clients that trust NightLeg's local CA — and nothing else — as a phone that trusted it does.</summary>
public static class TrustOurCa
{
    /// <summary>True when <paramref name="leaf"/> chains to <paramref name="ca"/> alone, for a TLS server; <paramref name="status"/> says why not.</summary>
    public static bool Verifies(X509Certificate2 leaf, X509Certificate2 ca, out X509ChainStatus[] status)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid("1.3.6.1.5.5.7.3.1"));
        var ok = chain.Build(leaf);
        status = chain.ChainStatus;
        return ok;
    }

    /// <summary>An HTTP handler trusting the CA in <paramref name="folder"/> (beside the database); no redirects followed.</summary>
    public static HttpClientHandler Handler(string folder) => new()
    {
        AllowAutoRedirect = false,
        ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
        {
            using var ca = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(folder, LocalCertificateAuthority.CertificateFileName));
            return Verifies(certificate!, ca, out _);
        },
    };
}
