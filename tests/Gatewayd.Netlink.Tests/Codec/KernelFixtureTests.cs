using System.Net;

namespace Gatewayd.Netlink.Tests.Codec;

/// <summary>Decodes replies the 6.18 host kernel really sent (see Fixtures/README.md), and checks each re-encodes to itself.</summary>
public class KernelFixtureTests
{
    private const byte OurProtocol = 0x9d;

    private static List<T> Decode<T>(string fixture, Func<byte[], (bool Ok, T? Value)> parse)
        where T : class
    {
        var result = new List<T>();
        foreach (var message in HexFixture.Messages(fixture))
        {
            if (parse(message) is (true, { } value))
            {
                result.Add(value);
            }
        }

        return result;
    }

    private static List<LinkInfo> Links() => Decode("links", m => (LinkInfo.TryParse(m, out var v, out _), v));

    [Fact]
    public void LinkDump_HasLoopbackAndTheVethPair()
    {
        var links = Links();
        Assert.Equal(["lo", "veth1", "veth0"], links.Select(l => l.Name));
        var lo = links[0];
        Assert.Equal(1, lo.Index);
        Assert.Equal((ushort)772, lo.DeviceType); // ARPHRD_LOOPBACK
        Assert.True(lo.Flags.HasFlag(LinkFlags.Loopback | LinkFlags.Up));
        Assert.Equal(65536u, lo.Mtu);
        Assert.Null(lo.Kind);
        var (veth0, veth1) = (links[2], links[1]);
        Assert.Equal("veth", veth0.Kind);
        Assert.Equal(veth1.Index, veth0.ParentIndex);
        Assert.Equal(veth0.Index, veth1.ParentIndex);
        Assert.Equal(6, veth0.HardwareAddress!.GetAddressBytes().Length);
        Assert.Equal(OperationalState.Up, veth0.OperationalState);
    }

    [Fact]
    public void AddressDump_HasTheNodadAddressWithItsProtocol()
    {
        var addresses = Decode("addresses", m => (AddressInfo.TryParse(m, out var v, out _), v));
        var ours = Assert.Single(addresses, a => IPAddress.Parse("2001:db8:1::1").Equals(a.Address));
        Assert.Equal(InetFamily.IPv6, ours.Family);
        Assert.Equal(128, ours.PrefixLength);
        Assert.Equal(OurProtocol, ours.Protocol);
        Assert.True(ours.Flags.HasFlag(AddressFlags.NoDad | AddressFlags.Permanent));
        Assert.Equal(AddressLifetime.Forever, ours.Lifetime);

        var v4 = Assert.Single(addresses, a => IPAddress.Parse("192.0.2.1").Equals(a.Local));
        Assert.Equal(32, v4.PrefixLength);
        Assert.Equal(v4.Local, v4.Address);
        Assert.Equal("veth0", v4.Label);
        Assert.Null(v4.Protocol);
    }

    [Fact]
    public void RouteDump_HasTheIpv4DefaultWithProtocolAndMetric()
    {
        var routes = Decode("routes4", m => (RouteInfo.TryParse(m, out var v, out _), v));
        var veth0 = Links().Single(l => l.Name == "veth0").Index;
        var route = Assert.Single(routes, r => r.DestinationLength == 0 && r.Table == RouteInfo.MainTable);
        Assert.Null(route.Destination);
        Assert.Equal(IPAddress.Parse("198.51.100.1"), route.Gateway);
        Assert.Equal(OurProtocol, route.Protocol);
        Assert.Equal(100u, route.Priority);
        Assert.Equal(RouteType.Unicast, route.Type);
        Assert.Equal(veth0, route.OutputInterface);
        Assert.Contains(routes, r => r.Table == 255 && r.Type == RouteType.Local);
    }

    [Fact]
    public void RouteDump_HasUnreachableSlash56AndExpiringDefault()
    {
        var routes = Decode("routes6", m => (RouteInfo.TryParse(m, out var v, out _), v));
        var unreachable = Assert.Single(routes, r => r.Type == RouteType.Unreachable && r.DestinationLength == 56);
        Assert.Equal(IPAddress.Parse("2001:db8:2::"), unreachable.Destination);
        Assert.Equal(OurProtocol, unreachable.Protocol);

        var dflt = Assert.Single(routes, r => r.DestinationLength == 0 && r.Table == RouteInfo.MainTable);
        Assert.Equal(IPAddress.Parse("fe80::1"), dflt.Gateway);
        Assert.Equal((byte)9, dflt.Protocol); // RTPROT_RA
        Assert.Equal(1024u, dflt.Priority);
        Assert.InRange(dflt.ExpiresSeconds!.Value, 590u, 600u); // reported through RTA_CACHEINFO, in clock ticks
    }

    [Fact]
    public void RuleDumps_HaveFwmarkAndIifRulesWithProtocol()
    {
        var rules4 = Decode("rules4", m => (RuleInfo.TryParse(m, out var v, out _), v));
        Assert.Equal([null, 1000u, 32766u, 32767u], rules4.Select(r => r.Priority)); // pref 0 has no FRA_PRIORITY
        var mark = rules4[1];
        Assert.Equal((0x10u, 0xffu, 100u, (byte?)OurProtocol, RuleAction.ToTable), (mark.FirewallMark!.Value, mark.FirewallMask!.Value, mark.Table, mark.Protocol, mark.Action));

        var rules6 = Decode("rules6", m => (RuleInfo.TryParse(m, out var v, out _), v));
        var iif = Assert.Single(rules6, r => r.Priority == 1001);
        Assert.Equal("veth0", iif.InputInterface);
        Assert.Equal(2000u, iif.Table); // > 255: frh.table is RT_TABLE_COMPAT, FRA_TABLE has the id
        Assert.Equal(OurProtocol, iif.Protocol);
    }

    [Fact]
    public void RouteDeleteOfMissingRoute_IsEsrchEchoingTheRequest()
    {
        var message = Assert.Single(HexFixture.Messages("route-delete-esrch"));
        Assert.True(NetlinkErrorMessage.TryParse(message, out var error, out var parseError), parseError.ToString());
        Assert.Equal(Errno.ESRCH, error.Errno);
        Assert.Equal((ushort)RtMessageType.DeleteRoute, error.Request.Type);
        Assert.Null(error.ExtendedAckMessage);
    }

    [Fact]
    public void Ip6tnlOnThisKernel_IsEopnotsuppWithExtendedAck()
    {
        var message = HexFixture.Messages("ip6tnl-rejected")[^1];
        Assert.True(NetlinkErrorMessage.TryParse(message, out var error, out var parseError), parseError.ToString());
        Assert.Equal(Errno.EOPNOTSUPP, error.Errno);
        Assert.Equal("Unknown device type", error.ExtendedAckMessage);
        Assert.Equal((ushort)RtMessageType.NewLink, error.Request.Type);
        Assert.Equal(200u, error.Request.Length);
    }

    [Theory]
    [InlineData("links")]
    [InlineData("addresses")]
    [InlineData("routes4")]
    [InlineData("routes6")]
    [InlineData("rules4")]
    [InlineData("rules6")]
    public void EveryFixtureMessage_RoundTrips(string fixture)
    {
        var decoded = 0;
        foreach (var message in HexFixture.Messages(fixture))
        {
            decoded += RoundTrip.Check(message) ? 1 : 0;
        }

        Assert.True(decoded > 0);
    }
}
