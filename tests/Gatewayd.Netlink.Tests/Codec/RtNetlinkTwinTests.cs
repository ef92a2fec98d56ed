using System.Net;

namespace Gatewayd.Netlink.Tests.Codec;

/// <summary>The typed operations against an in-memory connection: retries, error naming, dropped messages.</summary>
public class RtNetlinkTwinTests
{
    private static readonly byte[] Route = new RouteInfo { Family = InetFamily.IPv4, Protocol = 0x9d }.ToMessage(RtMessageType.NewRoute, NetlinkMessageFlags.Multi);

    [Fact]
    public async Task Dump_Interrupted_IsRepeated()
    {
        var calls = 0;
        using var rtnl = new RtNetlink(new ScriptedConnection(_ => ++calls == 1
            ? new NetlinkReply([Route], Interrupted: true)
            : ScriptedConnection.Reply(Route, Route)));
        var routes = await rtnl.DumpRoutesAsync(InetFamily.IPv4);
        Assert.Equal(2, calls);
        Assert.Equal(2, routes.Count);
    }

    [Fact]
    public async Task Dump_InterruptedEveryTime_GivesUpWithEintr()
    {
        using var rtnl = new RtNetlink(new ScriptedConnection(_ => new NetlinkReply([Route], Interrupted: true)));
        var e = await Assert.ThrowsAsync<NetlinkException>(() => rtnl.DumpRoutesAsync());
        Assert.Equal(Errno.EINTR, e.Errno);
        Assert.StartsWith("RTM_GETROUTE dump", e.Operation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dump_MalformedMessage_IsDroppedAndCounted()
    {
        var broken = (byte[])Route.Clone();
        broken[0] = 20; // nlmsg_len shorter than the rtmsg
        using var rtnl = new RtNetlink(new ScriptedConnection(_ => ScriptedConnection.Reply(Route, broken)));
        Assert.Single(await rtnl.DumpRoutesAsync());
        Assert.Equal(1, rtnl.DroppedMessages);
    }

    [Fact]
    public async Task Failure_NamesTheRouteAndItsDevice()
    {
        var connection = new ScriptedConnection(request => request.Header.Type switch
        {
            (ushort)RtMessageType.GetLink => ScriptedConnection.Reply(new LinkInfo { Index = 7, Name = "mape0" }.ToMessage(RtMessageType.NewLink, 0)),
            _ => throw new NetlinkException(request.Operation, Errno.ENETUNREACH, "Nexthop has invalid gateway"),
        });
        using var rtnl = new RtNetlink(connection);
        var route = new RouteInfo { Family = InetFamily.IPv4, Gateway = IPAddress.Parse("192.0.2.1"), OutputInterface = 7, Protocol = 0x9d, Priority = 100 };
        var e = await Assert.ThrowsAsync<NetlinkException>(() => rtnl.AddRouteAsync(route));
        Assert.Equal("RTM_NEWROUTE 0.0.0.0/0 via 192.0.2.1 dev mape0 table 254 proto 157 metric 100", e.Operation);
        Assert.Equal(
            "RTM_NEWROUTE 0.0.0.0/0 via 192.0.2.1 dev mape0 table 254 proto 157 metric 100: Network is unreachable (ENETUNREACH): Nexthop has invalid gateway",
            e.Message);
    }

    [Fact]
    public async Task AddIp6Tunnel_SendsCreateExclusive()
    {
        var connection = new ScriptedConnection(_ => ScriptedConnection.Reply());
        using var rtnl = new RtNetlink(connection);
        var tunnel = new Ip6TunnelInfo { Link = 3, Local = IPAddress.Parse("2001:db8::1"), Remote = IPAddress.Parse("2001:db8::2"), HopLimit = 64, Flags = Ip6TunnelFlags.IgnoreEncapsulationLimit };
        await rtnl.AddLinkAsync(RtNetlink.Ip6TunnelLink("mape0", tunnel, 1460));
        var request = Assert.Single(connection.Requests);
        Assert.Equal(
            NetlinkMessageFlags.Request | NetlinkMessageFlags.Ack | NetlinkMessageFlags.Create | NetlinkMessageFlags.Exclusive,
            request.Header.Flags);
        Assert.Equal("RTM_NEWLINK mape0 type ip6tnl remote 2001:db8::2 local 2001:db8::1 mtu 1460", request.Operation);
    }

    [Fact]
    public async Task ModifyIp6Tunnel_SendsEveryFieldWithoutCreateFlags()
    {
        var connection = new ScriptedConnection(_ => ScriptedConnection.Reply());
        using var rtnl = new RtNetlink(connection);
        var tunnel = new Ip6TunnelInfo { Link = 3, Local = IPAddress.Parse("2001:db8::10"), Remote = IPAddress.Parse("2001:db8::2"), HopLimit = 64, Flags = Ip6TunnelFlags.IgnoreEncapsulationLimit };
        await rtnl.ModifyLinkAsync(RtNetlink.Ip6TunnelLink("mape0", tunnel, 1460, index: 9));
        var request = Assert.Single(connection.Requests);
        Assert.Equal(NetlinkMessageFlags.Request | NetlinkMessageFlags.Ack, request.Header.Flags);
        Assert.True(LinkInfo.TryParse(request.Message.Span, out var link, out _));
        Assert.Equal((9, tunnel), (link.Index, link.Ip6Tunnel));
    }
}
