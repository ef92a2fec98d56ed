using System.Net;
using Gatewayd.Config;
using Gatewayd.Daemon;
using Gatewayd.LabTests.Lab;
using Gatewayd.Netlink;
using Gatewayd.Nftables;
using Gatewayd.Planning;
using Gatewayd.Reconcile;

namespace Gatewayd.LabTests.Reconcile;

/// <summary>
/// A namespace of its own (<c>gwrc-RANDOM</c>) with veths wan0, lan0 and mape0, and a reconciler opened inside it. The host
/// kernel has no ip6tnl, so the plans applied here have no tunnel: the veth mape0 carries the tunnel's IPv4 and routes
/// instead, as in the nft lab tests. Deleted on dispose.
/// </summary>
internal sealed class ReconcileLab : IDisposable
{
    public static readonly IPNetwork OcnPd = IPNetwork.Parse("2400:4050:5c71:af00::/56");

    /// <summary>Same OCN rule, another IPv4 (153.241.113.202): CE, IPv4, port set, LAN /64 and unreachable route all change.</summary>
    public static readonly IPNetwork OcnPdNext = IPNetwork.Parse("2400:4050:5c72:af00::/56");

    private static readonly GatewaydConfig Config =
        ConfigReader.Read("""{"wan":{"interface":"wan0"},"softwire":{"mode":"map-e"},"lan":[{"interface":"lan0","subnetId":1}]}""").Config
        ?? throw new InvalidOperationException("lab config invalid");

    public ReconcileLab()
    {
        Name = $"gwrc-{Guid.NewGuid().ToString("N")[..8]}";
        Sh.Run("ip", "netns", "add", Name);
        try
        {
            Ip("link", "set", "lo", "up");
            foreach (var link in new[] { "wan0", "lan0", "mape0" })
            {
                Ip("link", "add", link, "type", "veth", "peer", "name", link + "p");
                Ip("link", "set", link, "up");
                Ip("link", "set", link + "p", "up");
            }

            Rtnl = new RtNetlink(NetlinkConnection.OpenIn(NetworkNamespace.PathOf(Name)));
            Nft = new NftClient(new NftClientOptions { NetworkNamespace = Name });
            Reconciler = new Reconciler(Rtnl, new NftClientTable(Nft));
        }
        catch
        {
            Sh.Try("ip", "netns", "del", Name);
            throw;
        }
    }

    public string Name { get; }

    public RtNetlink Rtnl { get; }

    public NftClient Nft { get; }

    public Reconciler Reconciler { get; }

    /// <summary>The OCN worked example for <paramref name="prefix"/>, minus the ip6tnl this kernel cannot make.</summary>
    public static DesiredNetwork Plan(IPNetwork prefix) => Planner.Plan(new PlanInput(Config, DelegatedPrefix: prefix)) with { Tunnel = null };

    public string Ip(params string[] args) => Sh.Run("ip", ["-n", Name, .. args]);

    public string NftText(params string[] args) => Sh.InNs(Name, "nft", args);

    /// <summary>Every address and route carrying gatewayd's protocol, described with interface names, sorted.</summary>
    public async Task<List<string>> OwnedAsync()
    {
        var names = (await Rtnl.DumpLinksAsync()).ToDictionary(l => l.Index, l => l.Name);
        var addresses = (await Rtnl.DumpAddressesAsync()).Where(a => a.Protocol == Ownership.AddressProtocol)
            .Select(a => "addr " + a.Describe(names[a.Index]));
        var routes = (await Rtnl.DumpRoutesAsync()).Where(r => r.Protocol == Ownership.RouteProtocol)
            .Select(r => "route " + r.Describe(r.OutputInterface is { } oif ? names[oif] : null));
        return [.. addresses.Concat(routes).Order(StringComparer.Ordinal)];
    }

    public void Dispose()
    {
        Rtnl.Dispose();
        Sh.Try("ip", "netns", "del", Name);
    }
}
