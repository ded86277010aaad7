using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace NightLeg.Mobile.Web;

/// <summary>
/// Where this NightLeg listens, read from Kestrel once it does (a port 0 resolved to the real one), so
/// nothing has to be told after the start: the local link, the phone's address and a notification's link
/// all read it here. Empty and null before the host listens. Thread-safe.
/// </summary>
public sealed class ServedAddresses(IServer server, IHostApplicationLifetime lifetime, bool lan)
{
    private volatile Known? _known;

    /// <summary>The http(s) addresses Kestrel bound (not the control socket).</summary>
    public IReadOnlyList<string> Listening => Read()?.Listening ?? [];

    /// <summary>The first of them: where this machine's browser opens NightLeg.</summary>
    public string? Own => Read()?.Listening.FirstOrDefault();

    /// <summary>Where a phone opens NightLeg: the first specific address, else the first LAN address of a wildcard one.</summary>
    public string? PhoneUrl => Read()?.PhoneUrl;

    /// <summary>The address shown to a phone in Settings: only with <c>--lan</c>, since without it a phone cannot reach NightLeg.</summary>
    public string? PhoneUrlOnLan => lan ? PhoneUrl : null;

    private Known? Read()
    {
        if (_known is { } known)
        {
            return known;
        }

        if (!lifetime.ApplicationStarted.IsCancellationRequested)
        {
            // Before the start Kestrel holds the configured addresses, not the bound ones.
            return null;
        }

        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses
            .Where(a => !a.StartsWith("http://unix:", StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (listening is not { Count: > 0 })
        {
            return null;
        }

        string? phone = null;
        foreach (var address in listening)
        {
            phone ??= NightLegWebHost.IsWildcard(address) ? NightLegWebHost.LanUrls(address).FirstOrDefault() : address;
        }

        return _known = new Known(listening, phone);
    }

    private sealed record Known(IReadOnlyList<string> Listening, string? PhoneUrl);
}
