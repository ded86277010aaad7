using System.Net;

namespace NightLeg.Mobile.Web;

/// <summary>
/// Answers only requests addressed to this machine by a name or address it has, so a web page
/// elsewhere cannot reach health data through DNS rebinding (a hostile name re-pointed at
/// 127.0.0.1 sends its own name as Host). Loopback mode: <c>localhost</c>, <c>127.0.0.1</c>,
/// <c>[::1]</c>. LAN mode: those, this machine's host name (and <c>.local</c>), and every address
/// of its network interfaces (looked up again every 30 s, so a new DHCP lease works). Anything
/// else gets 421 Misdirected Request; no Host at all gets 400. Thread-safe.
/// </summary>
public sealed class HostAllowList(bool lan, TimeProvider time, IReadOnlyCollection<string>? ownNames = null)
{
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(30);
    private static readonly string[] LoopbackNames = ["localhost", "127.0.0.1", "::1"];
    private (DateTimeOffset At, HashSet<string> Names)? _lanNames;

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var host = context.Request.Host.Host;
        if (string.IsNullOrEmpty(host))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (!Allows(host))
        {
            context.Response.StatusCode = StatusCodes.Status421MisdirectedRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("NightLeg answers only at this machine's own names and addresses.\n");
            return;
        }

        await next(context);
    }

    /// <summary>True when a request for <paramref name="host"/> (without port; brackets allowed around IPv6) is answered.</summary>
    public bool Allows(string host)
    {
        host = host.Trim('[', ']').TrimEnd('.');
        if (LoopbackNames.Contains(host, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        return lan && LanNames().Contains(host);
    }

    private HashSet<string> LanNames()
    {
        var now = time.GetUtcNow();
        if (_lanNames is { } cached && now - cached.At < Refresh)
        {
            return cached.Names;
        }

        // The names of the user's own certificate (--cert) are this machine's names too (e.g. a VPN name).
        var names = new HashSet<string>(ownNames ?? [], StringComparer.OrdinalIgnoreCase);
        var machine = MachineAddresses.HostName;
        names.Add(machine);
        names.Add(machine + ".local");
        foreach (var address in MachineAddresses.Up())
        {
            names.Add(address.ToString());
            if (address.IsIPv6LinkLocal)
            {
                names.Add(new IPAddress(address.GetAddressBytes()).ToString()); // without %scope
            }
        }

        _lanNames = (now, names);
        return names;
    }
}
