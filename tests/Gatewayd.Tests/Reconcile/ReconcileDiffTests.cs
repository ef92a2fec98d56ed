using System.Net;
using Gatewayd.Daemon;
using Gatewayd.Netlink;
using Gatewayd.Planning;
using Gatewayd.Reconcile;

namespace Gatewayd.Tests.Reconcile;

/// <summary>The pure diff: plan + snapshot of owned objects -> ordered actions. No kernel, no twin in the step under test.</summary>
public class ReconcileDiffTests
{
    private static readonly ReconcilerOptions Options = new();

    private static readonly LinkInfo Wan = new() { Index = 2, Name = "wan0", Kind = "veth", Flags = LinkFlags.Up };
    private static readonly LinkInfo Lan = new() { Index = 3, Name = "lan0", Kind = "veth", Flags = LinkFlags.Up };

    private static KernelSnapshot Bare(params LinkInfo[] more) => new([Wan, Lan, .. more], [], [], false);

    /// <summary>A kernel that already holds <paramref name="plan"/>: applied through the twin, then read back as the reconciler reads it.</summary>
    private static async Task<KernelSnapshot> Holding(DesiredNetwork plan)
    {
        var twin = new KernelTwin();
        twin.AddLink("wan0", "veth");
        twin.AddLink("lan0", "veth");
        var nft = new CountingNft();
        using var rtnl = new RtNetlink(twin);
        var result = await new Reconciler(rtnl, nft).ReconcileAsync(plan);
        Assert.Empty(result.Failures);
        return await KernelSnapshot.ReadAsync(rtnl, nft, plan, Options, new List<ReconcileFailure>(), CancellationToken.None);
    }

    private static string[] Shape(IEnumerable<ReconcileAction> actions) => [.. actions.Select(a => a.GetType().Name)];

    [Fact]
    public void FromEmpty_TunnelThenAddressesThenNftThenRoutes()
    {
        var plan = Plans.Ocn();

        var actions = ReconcileDiff.Compute(plan, Bare(), Options);

        Assert.Equal(
            ["CreateTunnel", "AddAddress", "AddAddress", "AddAddress", "EnsureRuleset", "AddRoute", "AddRoute"],
            Shape(actions));
        Assert.Equal(
            ["address 2400:4050:5c71:af00:99:f171:c600:2f00/128 dev wan0", "address 153.241.113.198/32 dev mape0", "address 2400:4050:5c71:af01::1/64 dev lan0"],
            actions.OfType<AddAddress>().Select(a => a.Object));
        Assert.Equal([false, true, false], actions.OfType<AddAddress>().Select(a => a.OnTunnel));
    }

    [Fact]
    public void DefaultRouteIntoTheTunnel_ComesAfterTheNftTable_AndIsMarked()
    {
        var actions = ReconcileDiff.Compute(Plans.Ocn(), Bare(), Options).ToList();

        var nft = actions.FindIndex(a => a is EnsureRuleset);
        var defaultRoute = actions.FindIndex(a => a is AddRoute { Spec.Device: "mape0" });
        var unreachable = actions.OfType<AddRoute>().Single(a => a.Spec.Type == Planning.RouteType.Unreachable);
        Assert.True(nft >= 0 && defaultRoute > nft, $"nft at {nft}, default route at {defaultRoute}");
        Assert.True(((AddRoute)actions[defaultRoute]).IntoTunnel);
        Assert.False(unreachable.IntoTunnel);
        Assert.Null(unreachable.Spec.Device);
    }

    [Fact]
    public async Task KernelAlreadyMatching_OnlyTheNftEnsureRemains()
    {
        var plan = Plans.Ocn();

        var actions = ReconcileDiff.Compute(plan, await Holding(plan), Options);

        // EnsureAsync compares the table itself and writes nothing when it matches.
        Assert.Equal(["EnsureRuleset"], Shape(actions));
    }

    [Fact]
    public async Task EmptyPlan_RemovesRoutesThenNftThenAddressesThenTunnel()
    {
        var held = await Holding(Plans.Ocn()) with { NftTablePresent = true };

        var actions = ReconcileDiff.Compute(DesiredNetwork.Empty("lease lost"), held, Options);

        Assert.Equal(
            ["DeleteRoute", "DeleteRoute", "DeleteRuleset", "DeleteAddress", "DeleteAddress", "DeleteAddress", "DeleteTunnel"],
            Shape(actions));
        Assert.Equal("delete tunnel mape0", actions[^1].ToString());
    }

    [Fact]
    public void EmptyPlan_NoNftTable_DeletesNothing()
    {
        Assert.Empty(ReconcileDiff.Compute(DesiredNetwork.Empty(), Bare(), Options));
    }

    [Fact]
    public void ObjectsNotOwned_AreIgnored()
    {
        // A veth standing where a tunnel name is, and an ip6tnl under a name gatewayd does not use: neither is gatewayd's.
        var standIn = new LinkInfo { Index = 4, Name = "mape0", Kind = "veth", Flags = LinkFlags.Up };
        var usersTunnel = new LinkInfo { Index = 5, Name = "he-ipv6", Kind = "ip6tnl", Flags = LinkFlags.Up };

        Assert.Empty(ReconcileDiff.Compute(DesiredNetwork.Empty(), Bare(standIn, usersTunnel), Options));
    }

    [Fact]
    public void TunnelNameHeldByAnotherKind_IsRefusedNotReplaced()
    {
        var standIn = new LinkInfo { Index = 4, Name = "mape0", Kind = "veth", Flags = LinkFlags.Up };

        var actions = ReconcileDiff.Compute(Plans.Ocn(), Bare(standIn), Options);

        Assert.Equal(new TunnelNameTaken("mape0", "veth"), actions[0]);
        Assert.DoesNotContain(actions, a => a is CreateTunnel or ModifyTunnel or DeleteTunnel);
    }

    [Fact]
    public async Task PrefixChange_ModifiesTheTunnel_AddsNewObjects_ThenRemovesTheOld()
    {
        var held = await Holding(Plans.Ocn());

        var actions = ReconcileDiff.Compute(Plans.Ocn(Plans.OcnPdNext), held, Options);

        Assert.Equal(
            ["DeleteRoute", "ModifyTunnel", "AddAddress", "AddAddress", "AddAddress", "EnsureRuleset", "AddRoute", "DeleteAddress", "DeleteAddress", "DeleteAddress"],
            Shape(actions));
        Assert.Contains("2400:4050:5c71:af00::/56", actions[0].Object, StringComparison.Ordinal);
        Assert.Contains("2400:4050:5c72:af00::/56", actions[6].Object, StringComparison.Ordinal);

        // The IPv4 default route stays: it names the device, and the device stays.
        Assert.DoesNotContain(actions, a => a.Object.Contains("0.0.0.0/0", StringComparison.Ordinal));
        Assert.All(actions.OfType<DeleteAddress>(), a => Assert.DoesNotContain("5c72", a.Object, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TunnelMtuOnlyDiffers_SetsTheMtu_AndADownTunnelIsSetUp()
    {
        var held = await Holding(Plans.Ocn());
        var tunnel = held.Links.Single(l => l.Name == "mape0");
        var changed = held with { Links = [.. held.Links.Where(l => l != tunnel), tunnel with { Mtu = 1500, Flags = LinkFlags.None }] };

        var actions = ReconcileDiff.Compute(Plans.Ocn(), changed, Options);

        Assert.Equal([new SetTunnelMtu("mape0", tunnel.Index, 1460), new SetTunnelUp("mape0", tunnel.Index), actions[2]], actions);
        Assert.IsType<EnsureRuleset>(actions[2]);
    }

    [Fact]
    public void DsLiteAftrUnresolved_NoTunnel_NoDefaultRoute_NothingOnTheTunnel()
    {
        var plan = Plans.DsLiteUnresolved();
        Assert.NotNull(plan.Tunnel);
        Assert.Null(plan.Tunnel.Remote);

        var actions = ReconcileDiff.Compute(plan, Bare(), Options);

        Assert.DoesNotContain(actions, a => a is CreateTunnel or ModifyTunnel);
        Assert.DoesNotContain(actions, a => a.Object.Contains("dslite0", StringComparison.Ordinal) && a is AddAddress or AddRoute);
        Assert.DoesNotContain(actions, a => a is AddRoute { Spec.Destination.PrefixLength: 0 });
    }

    [Fact]
    public void DsLiteAftrUnresolved_AnExistingTunnelIsDeleted()
    {
        var old = new LinkInfo { Index = 9, Name = "dslite0", Kind = "ip6tnl", Flags = LinkFlags.Up };

        var actions = ReconcileDiff.Compute(Plans.DsLiteUnresolved(), Bare(old), Options);

        Assert.Equal(new DeleteTunnel("dslite0", 9), actions[^1]);
    }

    [Fact]
    public void WanRouterDefaultRoute_IsNotTheReconcilersToManage()
    {
        var ra = new RouteInfo
        {
            Family = InetFamily.IPv6, Gateway = IPAddress.Parse("fe80::1"), OutputInterface = 2,
            Protocol = Ownership.RouteProtocol, Priority = Ownership.RaDefaultRouteMetric,
        };
        var planned = KernelObjects.Route(Plans.Ocn().Routes.Single(r => r.Type == Planning.RouteType.Unreachable), null, RouteInfo.MainTable);

        Assert.True(KernelSnapshot.IsWanRouterRoute(ra));
        Assert.False(KernelSnapshot.IsWanRouterRoute(planned with { Priority = 1024 }));
    }
}
