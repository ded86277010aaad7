using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace NightLeg.Mobile.Web;

/// <summary>This machine's host name and the addresses of its network interfaces that are up — one reading for the host allow-list, the LAN URLs and the server certificate.</summary>
public static class MachineAddresses
{
    /// <summary>The host name as the system gives it.</summary>
    public static string HostName => Dns.GetHostName();

    /// <summary>The unicast addresses (IPv4 and IPv6, loopback included) of every interface that is up; none when the system will not say.</summary>
    public static IReadOnlyList<IPAddress> Up()
    {
        try
        {
            return NetworkInterface.GetAllNetworkInterfaces()
                .Where(n => n.OperationalStatus == OperationalStatus.Up)
                .SelectMany(n => n.GetIPProperties().UnicastAddresses)
                .Select(a => a.Address)
                .Where(a => a.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6)
                .ToList();
        }
        catch (NetworkInformationException)
        {
            return [];
        }
    }
}
