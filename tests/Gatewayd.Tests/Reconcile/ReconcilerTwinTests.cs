using System.Net;
using Gatewayd.Daemon;
using Gatewayd.Netlink;
using Gatewayd.Planning;
using Gatewayd.Reconcile;

namespace Gatewayd.Tests.Reconcile;

/// <summary>
/// The reconciler against the in-memory kernel: the exact rtnetlink requests (the ip6tnl ones cannot be made on the host
/// kernel), idempotence counted in writes, ownership, and what a failed step blocks.
/// </summary>
public sealed class ReconcilerTwinTests : IDisposable
{
    private readonly KernelTwin _kernel = new();
    private readonly CountingNft _nft = new();
    private readonly RtNetlink _rtnl;
    private readonly Reconciler _reconciler;
    private readonly int _wan;

    public ReconcilerTwinTests()
    {
        _wan = _kernel.AddLink("wan0", "veth");
        _kernel.AddLink("lan0", "veth");
        _rtnl = new RtNetlink(_kernel);
        _reconciler = new Reconciler(_rtnl, _nft);
    }

    public void Dispose() => _rtnl.Dispose();

    private static LinkInfo DecodeLink(NetlinkRequest request) =>
        LinkInfo.TryParse(request.Message.Span, out var link, out _) ? link : throw new InvalidOperationException("not a link message");

    private List<string> Owned() =>
    [
        .. _kernel.Addresses.Where(a => a.Protocol == Ownership.AddressProtocol).Select(a => a.Describe(Name(a.Index))),
        .. _kernel.Routes.Where(r => r.Protocol == Ownership.RouteProtocol).Select(r => r.Describe()),
        .. _kernel.Links.Where(l => l.Kind == "ip6tnl").Select(l => $"{l.Name} {l.Ip6Tunnel}"),
    ];

    private string? Name(int index) => _kernel.Links.FirstOrDefault(l => l.Index == index)?.Name;

    [Fact]
    public async Task FromEmpty_CreatesTheIp6tnl_ThroughRtNetlink()
    {
        var result = await _reconciler.ReconcileAsync(Plans.Ocn());

        Assert.Empty(result.Failures);
        Assert.True(result.Changed);
        var create = _kernel.Writes[0];
        Assert.Equal("RTM_NEWLINK mape0 type ip6tnl remote 2001:380:a120::9 local 2400:4050:5c71:af00:99:f171:c600:2f00 mtu 1460", create.Operation);
        Assert.Equal(NetlinkMessageFlags.Request | NetlinkMessageFlags.Ack | NetlinkMessageFlags.Create | NetlinkMessageFlags.Exclusive, create.Header.Flags);
        var tunnel = DecodeLink(create).Ip6Tunnel!;
        Assert.Equal(((uint)_wan, (byte)64, Ip6TunnelInfo.ProtocolIpip, Ip6TunnelFlags.IgnoreEncapsulationLimit),
            (tunnel.Link, tunnel.HopLimit, tunnel.Protocol, tunnel.Flags));

        var mape0 = _kernel.IndexOf("mape0");
        Assert.Equal($"RTM_NEWLINK #{mape0} up", _kernel.Writes[1].Operation);
        Assert.True(_kernel.Links.Single(l => l.Name == "mape0").Flags.HasFlag(LinkFlags.Up));
    }

    [Fact]
    public async Task FromEmpty_EverythingCarriesOurProtocol_AndTheCeSkipsDad()
    {
        await _reconciler.ReconcileAsync(Plans.Ocn());

        Assert.Equal(3, _kernel.Addresses.Count);
        Assert.All(_kernel.Addresses, a => Assert.Equal(Ownership.AddressProtocol, a.Protocol));
        var ce = _kernel.Addresses.Single(a => a.Index == _wan);
        Assert.Equal((IPAddress.Parse("2400:4050:5c71:af00:99:f171:c600:2f00"), (byte)128), (ce.Address, ce.PrefixLength));
        Assert.True(ce.Flags.HasFlag(AddressFlags.NoDad));
        Assert.Equal(
            [$"0.0.0.0/0 dev #{_kernel.IndexOf("mape0")} table 254 proto 157", "unreachable 2400:4050:5c71:af00::/56 dev #1 table 254 proto 157 metric 1024"],
            _kernel.Routes.Select(r => r.Describe()));
        Assert.NotNull(_nft.Table);
    }

    [Fact]
    public async Task SamePlanTwice_SecondRunWritesNothing()
    {
        await _reconciler.ReconcileAsync(Plans.Ocn());
        var writes = _kernel.Writes.Count;
        var nftWrites = _nft.Writes;

        var second = await _reconciler.ReconcileAsync(Plans.Ocn());

        Assert.False(second.Changed);
        Assert.Empty(second.Failures);
        Assert.Equal(writes, _kernel.Writes.Count);
        Assert.Equal(nftWrites, _nft.Writes);
    }

    [Fact]
    public async Task PrefixChange_ModifiesTheTunnelInPlace_WithEveryField()
    {
        await _reconciler.ReconcileAsync(Plans.Ocn());
        var mape0 = _kernel.IndexOf("mape0");
        var before = _kernel.Writes.Count;

        var result = await _reconciler.ReconcileAsync(Plans.Ocn(Plans.OcnPdNext));

        Assert.Empty(result.Failures);
        var modify = Assert.Single(_kernel.Writes.Skip(before), w => w.Header.Type == (ushort)RtMessageType.NewLink);
        Assert.Equal(NetlinkMessageFlags.Request | NetlinkMessageFlags.Ack, modify.Header.Flags);
        var link = DecodeLink(modify);
        Assert.Equal((mape0, "ip6tnl", (uint?)1460), (link.Index, link.Kind, link.Mtu));
        Assert.Equal(KernelObjects.Tunnel(Plans.Ocn(Plans.OcnPdNext).Tunnel!, _wan), link.Ip6Tunnel);
        Assert.Equal(mape0, _kernel.IndexOf("mape0"));
    }

    [Fact]
    public async Task PrefixChange_OwnsExactlyWhatAFreshApplyOfTheNewPlanOwns()
    {
        await _reconciler.ReconcileAsync(Plans.Ocn());
        await _reconciler.ReconcileAsync(Plans.Ocn(Plans.OcnPdNext));
        var afterChange = Owned();

        using var fresh = new ReconcilerTwinTests();
        await fresh._reconciler.ReconcileAsync(Plans.Ocn(Plans.OcnPdNext));

        Assert.Equal(fresh.Owned().Order(), afterChange.Order());
        Assert.DoesNotContain(afterChange, o => o.Contains("5c71:af", StringComparison.Ordinal) || o.Contains("153.241.113.198", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EmptyPlan_RemovesEveryOwnedObject_TunnelLast_AndLeavesTheUsers()
    {
        _kernel.Addresses.Add(new AddressInfo { Family = InetFamily.IPv6, PrefixLength = 64, Index = _wan, Address = IPAddress.Parse("2001:db8:1::5") });
        _kernel.Routes.Add(new RouteInfo { Family = InetFamily.IPv4, DestinationLength = 24, Destination = IPAddress.Parse("10.1.2.0"), OutputInterface = _wan, Protocol = 4 });
        _kernel.AddLink("he-ipv6", "ip6tnl");
        await _reconciler.ReconcileAsync(Plans.Ocn());
        var before = _kernel.Writes.Count;

        var result = await _reconciler.ReconcileAsync(DesiredNetwork.Empty("lease lost"));

        Assert.Empty(result.Failures);
        Assert.Equal(["he-ipv6 "], Owned()); // the user's ip6tnl, never gatewayd's
        Assert.Null(_nft.Table);
        Assert.StartsWith("RTM_DELLINK", _kernel.Writes[^1].Operation, StringComparison.Ordinal);
        Assert.Equal(6, _kernel.Writes.Count - before); // two routes, three addresses, the link
        Assert.Single(_kernel.Addresses);
        Assert.Single(_kernel.Routes);
        Assert.Contains(_kernel.Links, l => l.Name == "he-ipv6");
    }

    [Fact]
    public async Task WanRouterDefaultRoute_SurvivesEveryPlan()
    {
        var ra = new RouteInfo
        {
            Family = InetFamily.IPv6, Gateway = IPAddress.Parse("fe80::1"), OutputInterface = _wan,
            Protocol = Ownership.RouteProtocol, Priority = Ownership.RaDefaultRouteMetric, ExpiresSeconds = 1800,
        };
        _kernel.Routes.Add(ra);

        await _reconciler.ReconcileAsync(Plans.Ocn());
        await _reconciler.ReconcileAsync(DesiredNetwork.Empty());

        Assert.Equal([ra], _kernel.Routes);
    }

    [Fact]
    public async Task NftRejected_NoRouteIntoTheTunnel_TheRestIsApplied()
    {
        _nft.RejectWith = "Error: Could not process rule";

        var result = await _reconciler.ReconcileAsync(Plans.Ocn());

        var nft = Assert.Single(result.Failures, f => !f.Skipped);
        Assert.Equal("nft table inet gatewayd", nft.Object);
        Assert.Contains("Could not process rule", nft.Reason, StringComparison.Ordinal);
        var skipped = Assert.Single(result.Failures, f => f.Skipped);
        Assert.Equal("route 0.0.0.0/0 dev mape0 table main", skipped.Object);
        Assert.Equal("skipped: the nft table failed", skipped.Reason);
        Assert.DoesNotContain(_kernel.Routes, r => r.Family == InetFamily.IPv4);
        Assert.Single(_kernel.Routes); // the unreachable /56 does not depend on nft
        Assert.Equal(3, _kernel.Addresses.Count);
    }

    [Fact]
    public async Task TunnelCreateFails_ReportsTheKernelsText_AndSkipsWhatLivesOnIt()
    {
        _kernel.Fail = r => r.Header.Type == (ushort)RtMessageType.NewLink
            ? new NetlinkException(r.Operation, Errno.EOPNOTSUPP, "Unknown device type")
            : null;

        var result = await _reconciler.ReconcileAsync(Plans.Ocn());

        var failed = Assert.Single(result.Failures, f => !f.Skipped);
        Assert.Equal("tunnel mape0", failed.Object);
        Assert.Equal(
            "RTM_NEWLINK mape0 type ip6tnl remote 2001:380:a120::9 local 2400:4050:5c71:af00:99:f171:c600:2f00 mtu 1460: Operation not supported (EOPNOTSUPP): Unknown device type",
            failed.Reason);
        Assert.Equal(
            ["address 153.241.113.198/32 dev mape0", "route 0.0.0.0/0 dev mape0 table main"],
            result.Failures.Where(f => f.Skipped).Select(f => f.Object));

        // Independent of the tunnel: the CE /128, the LAN /64, the nft table and the unreachable route.
        Assert.Equal(2, _kernel.Addresses.Count);
        Assert.NotNull(_nft.Table);
        Assert.Single(_kernel.Routes);
    }

    [Fact]
    public async Task MissingLanInterface_FailsThatAddressOnly()
    {
        _kernel.Links.RemoveAll(l => l.Name == "lan0");

        var result = await _reconciler.ReconcileAsync(Plans.Ocn());

        var failure = Assert.Single(result.Failures);
        Assert.Equal(("address 2400:4050:5c71:af01::1/64 dev lan0", "there is no interface named lan0"), (failure.Object, failure.Reason));
        Assert.Equal(2, _kernel.Routes.Count);
    }

    [Fact]
    public async Task AddressTakenByAUser_IsReported_NotAdopted()
    {
        _kernel.Addresses.Add(new AddressInfo { Family = InetFamily.IPv6, PrefixLength = 64, Index = _kernel.IndexOf("lan0"), Address = IPAddress.Parse("2400:4050:5c71:af01::1") });

        var result = await _reconciler.ReconcileAsync(Plans.Ocn());

        Assert.Contains("(EEXIST)", Assert.Single(result.Failures).Reason, StringComparison.Ordinal);
        Assert.Null(_kernel.Addresses.Single(a => a.PrefixLength == 64).Protocol);
    }
}
