using System.Net;

namespace Gatewayd.Netlink.Tests.Kernel;

public class RouteTests
{
    [KernelTheory]
    [InlineData((byte)0x9d)]
    [InlineData((byte)200)]
    public async Task Ipv4Default_ViaVeth_AddReplaceDelete(byte protocol)
    {
        using var ns = new TestNamespace();
        var index = await ns.AddVethPairAsync();
        ns.Ip("addr add 198.51.100.2/24 dev veth0");
        var route = new RouteInfo
        {
            Family = InetFamily.IPv4,
            Gateway = IPAddress.Parse("198.51.100.1"),
            OutputInterface = index,
            Protocol = protocol,
            Priority = 100,
        };
        await ns.Rtnl.AddRouteAsync(route);
        Assert.Contains($"default via 198.51.100.1 dev veth0 proto {protocol} metric 100", ns.Ip("-4 route show"), StringComparison.Ordinal);

        await ns.Rtnl.ReplaceRouteAsync(route with { Gateway = IPAddress.Parse("198.51.100.254") });
        var found = Assert.Single(await ns.Rtnl.DumpRoutesAsync(InetFamily.IPv4, RouteInfo.MainTable), r => r.DestinationLength == 0);
        Assert.Equal((IPAddress.Parse("198.51.100.254"), protocol, 100u, index), (found.Gateway!, found.Protocol, found.Priority!.Value, found.OutputInterface!.Value));

        await ns.Rtnl.DeleteRouteAsync(route with { Gateway = null });
        Assert.DoesNotContain(await ns.Rtnl.DumpRoutesAsync(InetFamily.IPv4, RouteInfo.MainTable), r => r.DestinationLength == 0);
    }

    [KernelFact]
    public async Task Ipv6Unreachable56_InATableAbove255()
    {
        using var ns = new TestNamespace();
        ns.Ip("link set lo up");
        var route = new RouteInfo
        {
            Family = InetFamily.IPv6,
            Destination = IPAddress.Parse("2001:db8:2::"),
            DestinationLength = 56,
            Type = RouteType.Unreachable,
            Table = 1000,
            Protocol = 0x9d,
        };
        await ns.Rtnl.AddRouteAsync(route);
        Assert.Contains("unreachable 2001:db8:2::/56 dev lo proto 157", ns.Ip("-6 route show table 1000"), StringComparison.Ordinal);
        var found = Assert.Single(await ns.Rtnl.DumpRoutesAsync(InetFamily.IPv6, 1000));
        Assert.Equal((RouteType.Unreachable, 56, route.Destination, 1000u), (found.Type, (int)found.DestinationLength, found.Destination, found.Table));
        await ns.Rtnl.DeleteRouteAsync(route);
        Assert.Empty(await ns.Rtnl.DumpRoutesAsync(InetFamily.IPv6, 1000));
    }

    [KernelFact]
    public async Task Ipv6Default_WithExpires()
    {
        using var ns = new TestNamespace();
        var index = await ns.AddVethPairAsync();
        await ns.Rtnl.AddRouteAsync(new RouteInfo
        {
            Family = InetFamily.IPv6,
            Gateway = IPAddress.Parse("fe80::1"),
            OutputInterface = index,
            Protocol = 9, // RTPROT_RA: what gatewayd installs from a WAN RA
            Priority = 1024,
            ExpiresSeconds = 1800,
        });
        var found = Assert.Single(await ns.Rtnl.DumpRoutesAsync(InetFamily.IPv6, RouteInfo.MainTable), r => r.DestinationLength == 0);
        Assert.InRange(found.ExpiresSeconds!.Value, 1790u, 1800u);
        Assert.Matches(@"default via fe80::1 dev veth0 proto ra metric 1024 expires 1[78]\d\dsec", ns.Ip("-6 route show"));
    }

    [KernelFact]
    public async Task DeletingAMissingRoute_IsEsrchNamingIt()
    {
        using var ns = new TestNamespace();
        var e = await Assert.ThrowsAsync<NetlinkException>(() => ns.Rtnl.DeleteRouteAsync(new RouteInfo
        {
            Family = InetFamily.IPv4,
            Destination = IPAddress.Parse("203.0.113.0"),
            DestinationLength = 24,
            Protocol = 0x9d,
        }));
        Assert.Equal(Errno.ESRCH, e.Errno);
        Assert.Equal("RTM_DELROUTE 203.0.113.0/24 table 254 proto 157", e.Operation);
        Assert.Contains("(ESRCH)", e.Message, StringComparison.Ordinal);
    }

    [KernelFact]
    public async Task DumpOf2000Routes_IsAssembledFromManyDatagrams()
    {
        using var ns = new TestNamespace();
        ns.Ip("link set lo up");
        const int Count = 2000;
        var batch = string.Join('\n', Enumerable.Range(0, Count).Select(i => $"route add unreachable 10.{i / 256}.{i % 256}.0/24 table 77 proto 157"));
        var file = Path.Combine(Path.GetTempPath(), ns.Name + ".batch");
        File.WriteAllText(file, batch + "\n");
        try
        {
            ns.Ip($"-batch {file}");
        }
        finally
        {
            File.Delete(file);
        }

        var routes = await ns.Rtnl.DumpRoutesAsync(InetFamily.IPv4, 77);
        Assert.Equal(Count, routes.Count);
        Assert.Equal(Count, routes.Select(r => r.Destination).Distinct().Count());
        Assert.All(routes, r => Assert.Equal((RouteType.Unreachable, (byte)0x9d), (r.Type, r.Protocol)));

        // The same through our own requests: add 200 more, one ACK each.
        for (var i = 0; i < 200; i++)
        {
            await ns.Rtnl.AddRouteAsync(new RouteInfo { Family = InetFamily.IPv4, Destination = IPAddress.Parse($"172.16.{i}.0"), DestinationLength = 24, Type = RouteType.Unreachable, Table = 77, Protocol = 0x9d });
        }

        Assert.Equal(Count + 200, (await ns.Rtnl.DumpRoutesAsync(InetFamily.IPv4, 77)).Count);
    }
}
