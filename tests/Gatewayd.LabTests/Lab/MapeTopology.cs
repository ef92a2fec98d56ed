using System.Net;
using Gatewayd.Nftables;

namespace Gatewayd.LabTests.Lab;

/// <summary>
/// Three namespaces on the host kernel: lan (10.200.0.2/24) -> router -> server (203.0.113.1/24). The router's veth toward the
/// server is named like the tunnel (<c>mape0</c>) and carries the MAP-E IPv4 address; it has MTU 1460 like the real ip6tnl. Static
/// neighbour entries so no first packet waits on ARP. Everything lives in namespaces this object creates and deletes.
/// </summary>
internal sealed class MapeTopology : IDisposable
{
    public const string TunnelName = "mape0";
    public const int TunnelMtu = 1460;
    public static readonly IPAddress LanHost = IPAddress.Parse("10.200.0.2");
    public static readonly IPAddress LanGateway = IPAddress.Parse("10.200.0.1");
    public static readonly IPAddress Server = IPAddress.Parse("203.0.113.1");

    private readonly List<string> _created = [];

    public MapeTopology(IPAddress tunnelAddress)
    {
        TunnelAddress = tunnelAddress;
        var id = Guid.NewGuid().ToString("N")[..8];
        Lan = $"gwd-{id}-lan";
        Router = $"gwd-{id}-rtr";
        ServerNs = $"gwd-{id}-srv";
        try
        {
            foreach (var ns in new[] { Lan, Router, ServerNs })
            {
                Sh.Run("ip", "netns", "add", ns);
                _created.Add(ns);
                Sh.Run("ip", "-n", ns, "link", "set", "lo", "up");
            }

            Sh.Run("ip", "-n", Router, "link", "add", "lan0", "address", "02:00:00:00:01:01", "type", "veth",
                "peer", "name", "eth0", "address", "02:00:00:00:01:02", "netns", Lan);
            Sh.Run("ip", "-n", Router, "link", "add", TunnelName, "address", "02:00:00:00:02:01", "mtu", $"{TunnelMtu}", "type", "veth",
                "peer", "name", "eth0", "address", "02:00:00:00:02:02", "netns", ServerNs);

            Sh.Run("ip", "-n", Lan, "addr", "add", $"{LanHost}/24", "dev", "eth0");
            Sh.Run("ip", "-n", Lan, "link", "set", "eth0", "up");
            Sh.Run("ip", "-n", Lan, "route", "add", "default", "via", $"{LanGateway}");
            Sh.Run("ip", "-n", Lan, "neigh", "replace", $"{LanGateway}", "lladdr", "02:00:00:00:01:01", "dev", "eth0", "nud", "permanent");

            Sh.Run("ip", "-n", Router, "addr", "add", $"{LanGateway}/24", "dev", "lan0");
            Sh.Run("ip", "-n", Router, "addr", "add", $"{TunnelAddress}/32", "dev", TunnelName);
            Sh.Run("ip", "-n", Router, "link", "set", "lan0", "up");
            Sh.Run("ip", "-n", Router, "link", "set", TunnelName, "up");
            Sh.Run("ip", "-n", Router, "route", "add", "203.0.113.0/24", "dev", TunnelName);
            Sh.Run("ip", "-n", Router, "neigh", "replace", $"{LanHost}", "lladdr", "02:00:00:00:01:02", "dev", "lan0", "nud", "permanent");
            Sh.Run("ip", "-n", Router, "neigh", "replace", $"{Server}", "lladdr", "02:00:00:00:02:02", "dev", TunnelName, "nud", "permanent");
            Sh.InNs(Router, "sysctl", "-qw", "net.ipv4.ip_forward=1");

            Sh.Run("ip", "-n", ServerNs, "addr", "add", $"{Server}/24", "dev", "eth0");
            Sh.Run("ip", "-n", ServerNs, "link", "set", "eth0", "up");
            Sh.Run("ip", "-n", ServerNs, "route", "add", $"{TunnelAddress}/32", "dev", "eth0");
            Sh.Run("ip", "-n", ServerNs, "neigh", "replace", $"{TunnelAddress}", "lladdr", "02:00:00:00:02:01", "dev", "eth0", "nud", "permanent");
            Nft = new NftClient(new NftClientOptions { NetworkNamespace = Router });
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public string Lan { get; }

    public string Router { get; }

    public string ServerNs { get; }

    public IPAddress TunnelAddress { get; }

    /// <summary>nft inside the router namespace.</summary>
    public NftClient Nft { get; } = null!;

    /// <summary>Loads a raw nft script in the router (for the forms gatewayd does not render).</summary>
    public void LoadRouterScript(string script) => Sh.RunWithInput(script, "ip", "netns", "exec", Router, "nft", "-f", "-");

    public void Dispose()
    {
        foreach (var ns in _created)
        {
            // Deleting a namespace destroys its veths (and their peers), conntrack entries and nft tables.
            Sh.Try("ip", "netns", "del", ns);
        }

        _created.Clear();
    }
}
