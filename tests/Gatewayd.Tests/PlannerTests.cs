using System.Net;
using Gatewayd.Config;
using Gatewayd.Nftables;
using Gatewayd.Planning;
using Gatewayd.Softwire;

namespace Gatewayd.Tests;

public class PlannerTests
{
    private static readonly IPNetwork OcnPd = IPNetwork.Parse("2400:4050:5c71:af00::/56");

    private static GatewaydConfig Config(string softwire, string lan = "[]") =>
        ConfigReader.Read($$"""{"wan":{"interface":"wan0"},"softwire":{{softwire}},"lan":{{lan}}}""").Config
        ?? throw new InvalidOperationException("test config invalid");

    private static readonly GatewaydConfig MapEConfig = Config("""{"mode":"map-e"}""", """[{"interface":"lan0","subnetId":1}]""");

    [Fact]
    public void MapE_OcnWorkedExample_PlansTunnelAddressesRoutesAndPortSetSnat()
    {
        var plan = Planner.Plan(new PlanInput(MapEConfig, DelegatedPrefix: OcnPd));

        Assert.Empty(plan.Problems);
        var t = plan.Tunnel!;
        Assert.Equal(("mape0", "wan0", "ip6tnl", "ip4ip6", 1460), (t.Name, t.Underlay, t.Kind, t.Mode, t.Mtu));
        Assert.Equal(IPAddress.Parse("2400:4050:5c71:af00:99:f171:c600:2f00"), t.Local);
        Assert.Equal(IPAddress.Parse("2001:380:a120::9"), t.Remote);
        Assert.Null(t.EncapsulationLimit);

        Assert.Contains(plan.Addresses, a => a.Interface == "wan0" && a.NoDad && a.Address == new InterfaceAddress(t.Local, 128));
        Assert.Contains(plan.Addresses, a => a.Interface == "mape0" && a.Address == new InterfaceAddress(IPAddress.Parse("153.241.113.198"), 32));
        Assert.Contains(plan.Addresses, a => a.Interface == "lan0" && a.Address == new InterfaceAddress(IPAddress.Parse("2400:4050:5c71:af01::1"), 64));

        Assert.Contains(plan.Routes, r => r.Destination == Planner.Ipv4Default && r.Device == "mape0" && r.Type == RouteType.Unicast);
        Assert.Contains(plan.Routes, r => r.Destination == OcnPd && r.Type == RouteType.Unreachable);

        var nat = Assert.IsType<PortSetSnat>(plan.Ruleset!.Nat);
        Assert.Equal("mape0", plan.Ruleset.TunnelInterface);
        Assert.Equal(1460, plan.Ruleset.TunnelMtu);
        Assert.Equal(IPAddress.Parse("153.241.113.198"), nat.Address);
        Assert.Equal(63, nat.Blocks.Count);
        Assert.Equal(new PortBlock(1776, 1791), nat.Blocks[0]);
        Assert.Equal(new PortBlock(65264, 65279), nat.Blocks[^1]);
    }

    [Fact]
    public void SameSnapshot_GivesTheSamePlan()
    {
        var input = new PlanInput(MapEConfig, DelegatedPrefix: OcnPd);
        Assert.Equal(Cli.JsonText.Write(w => Cli.PlanReport.WriteJson(w, Planner.Plan(input))),
                     Cli.JsonText.Write(w => Cli.PlanReport.WriteJson(w, Planner.Plan(input))));
    }

    [Fact]
    public void IdleConfig_PlansNothing()
    {
        var idle = ConfigReader.Read("""{"softwire":{"mode":"map-e"}}""").Config!;
        var plan = Planner.Plan(new PlanInput(idle, DelegatedPrefix: OcnPd));
        Assert.Null(plan.Tunnel);
        Assert.Empty(plan.Addresses);
        Assert.Empty(plan.Routes);
        Assert.StartsWith("idle", Assert.Single(plan.Problems));
    }

    [Fact]
    public void NoPrefixYet_PlansNothingAndSaysWhy()
    {
        var plan = Planner.Plan(new PlanInput(MapEConfig));
        Assert.Null(plan.Ruleset);
        Assert.Empty(plan.Routes);
        Assert.Contains("waiting", Assert.Single(plan.Problems));
    }

    [Fact]
    public void PrefixNoRuleCovers_IsFlaggedAndProgramsNoTunnel()
    {
        var plan = Planner.Plan(new PlanInput(MapEConfig, DelegatedPrefix: IPNetwork.Parse("2001:db8:1:2300::/56")));
        Assert.True(plan.NoMatchingRule);
        Assert.Null(plan.Tunnel);
        Assert.Null(plan.Ruleset);
        Assert.DoesNotContain(plan.Routes, r => r.Device == "mape0");
        // The undelegated rest is still null-routed and the LAN still gets its /64: IPv6 works without MAP-E.
        Assert.Contains(plan.Routes, r => r.Type == RouteType.Unreachable);
        Assert.Contains(plan.Addresses, a => a.Interface == "lan0");
    }

    [Fact]
    public void Slash60BehindAnHgw_GivesTheSameIpv4AndLanSubnetsFromThe60()
    {
        var pd60 = IPNetwork.Parse("2400:4050:5c71:af10::/60");
        var plan = Planner.Plan(new PlanInput(MapEConfig, DelegatedPrefix: pd60));
        Assert.Equal(IPAddress.Parse("153.241.113.198"), plan.Softwire!.MapE!.Ipv4Address);
        Assert.Equal(IPAddress.Parse("2400:4050:5c71:af10:99:f171:c600:2f00"), plan.Tunnel!.Local);
        Assert.Contains(plan.Addresses, a => a.Interface == "lan0" && a.Address.Address.Equals(IPAddress.Parse("2400:4050:5c71:af11::1")));
    }

    [Fact]
    public void LanSubnetThatDoesNotFit_IsAProblemNotAWrongAddress()
    {
        var config = Config("""{"mode":"map-e"}""", """[{"interface":"lan0","subnetId":16}]""");
        var plan = Planner.Plan(new PlanInput(config, DelegatedPrefix: IPNetwork.Parse("2400:4050:5c71:af10::/60")));
        Assert.DoesNotContain(plan.Addresses, a => a.Interface == "lan0");
        Assert.Contains("lan[0].subnetId: 16 does not fit in 2400:4050:5c71:af10::/60 (0..15)", plan.Problems);
    }

    [Fact]
    public void RaOnly64_ComputesMapEButNoUnreachableRouteAndNoLanPrefix()
    {
        var ra = IPNetwork.Parse("2400:4050:5c71:af00::/64");
        var plan = Planner.Plan(new PlanInput(MapEConfig, RaPrefix: ra));
        Assert.Equal(IPAddress.Parse("153.241.113.198"), plan.Softwire!.MapE!.Ipv4Address);
        Assert.DoesNotContain(plan.Routes, r => r.Type == RouteType.Unreachable);
        Assert.DoesNotContain(plan.Addresses, a => a.Interface == "lan0");
        Assert.Contains(plan.Problems, p => p.StartsWith("lan[0].subnetId: no delegated prefix", StringComparison.Ordinal));
    }

    [Fact]
    public void Ipip6_UsesTheContractsInterfaceIdAndPlainSnat()
    {
        var config = Config("""
            {"mode":"ipip6","ipip6":{"ipv4Address":"203.0.113.45","interfaceId":"::1:2:3:4","brAddress":"2404:9200:225:100::64"}}
            """);
        var plan = Planner.Plan(new PlanInput(config, DelegatedPrefix: OcnPd));
        Assert.Equal(IPAddress.Parse("2400:4050:5c71:af00:1:2:3:4"), plan.Tunnel!.Local);
        Assert.Equal(IPAddress.Parse("2404:9200:225:100::64"), plan.Tunnel.Remote);
        Assert.Equal("ipip0", plan.Tunnel.Name);
        Assert.Equal(IPAddress.Parse("203.0.113.45"), Assert.IsType<PlainSnat>(plan.Ruleset!.Nat).Address);
    }

    [Fact]
    public void DsLite_WithAnAftrName_WaitsForResolution()
    {
        var config = Config("""{"mode":"ds-lite","dsLite":{"aftr":"gw.transix.jp"}}""");
        var plan = Planner.Plan(new PlanInput(config, DelegatedPrefix: OcnPd));
        Assert.Null(plan.Tunnel!.Remote);
        Assert.Equal("gw.transix.jp", plan.Tunnel.RemoteName);
        Assert.DoesNotContain(plan.Routes, r => r.Device == "dslite0");
        Assert.Contains(plan.Problems, p => p.Contains("not resolved", StringComparison.Ordinal));

        var resolved = Planner.Plan(new PlanInput(config, DelegatedPrefix: OcnPd, AftrAddress: IPAddress.Parse("2404:8e00::feed:100")));
        Assert.Equal(IPAddress.Parse("2404:8e00::feed:100"), resolved.Tunnel!.Remote);
        Assert.Equal(IPAddress.Parse("2400:4050:5c71:af00::1"), resolved.Tunnel.Local);
        Assert.Contains(resolved.Addresses, a => a.Interface == "dslite0" && a.Address.ToString() == "192.0.0.2/29");
        Assert.Contains(resolved.Routes, r => r.Device == "dslite0" && r.Destination == Planner.Ipv4Default);
        Assert.IsType<NoNat>(resolved.Ruleset!.Nat);
    }

    [Fact]
    public void DsLite_OnAnRaOnlyLine_UsesTheWanAddressAndAddsNoSlash128()
    {
        var config = Config("""{"mode":"ds-lite","dsLite":{"aftr":"2404:8e00::feed:100"}}""");
        var wanAddress = IPAddress.Parse("2400:4050:5c71:af00:21b:21ff:fe00:1");
        var plan = Planner.Plan(new PlanInput(config, RaPrefix: IPNetwork.Parse("2400:4050:5c71:af00::/64"), WanGlobalAddress: wanAddress));
        Assert.Equal(wanAddress, plan.Tunnel!.Local);
        Assert.DoesNotContain(plan.Addresses, a => a.Interface == "wan0");
    }

    [Fact]
    public void RulesFromTheServer_AreUsedWithRfc7597InterfaceIds()
    {
        var served = MapRule.Create(IPNetwork.Parse("2001:db8::/40"), IPNetwork.Parse("192.0.2.0/24"), 16, 6, IPAddress.Parse("2001:db8:ffff::1"));
        var plan = Planner.Plan(new PlanInput(MapEConfig, DelegatedPrefix: IPNetwork.Parse("2001:db8:12:3400::/56"), ServerMapRules: [served]));
        Assert.Equal(IPAddress.Parse("192.0.2.18"), plan.Softwire!.MapE!.Ipv4Address);
        Assert.Equal(IPAddress.Parse("2001:db8:12:3400:0:c000:212:34"), plan.Tunnel!.Local);
    }

    [Fact]
    public void ManualRuleWithoutBr_IsAProblemAndNoTunnel()
    {
        var config = Config("""
            {"mode":"map-e","mapE":{"rule":{"ipv6Prefix":"2001:db8::/40","ipv4Prefix":"192.0.2.0/24","eaBitsLength":16,"psidOffset":6}}}
            """);
        var plan = Planner.Plan(new PlanInput(config, DelegatedPrefix: IPNetwork.Parse("2001:db8:12:3400::/56")));
        Assert.Null(plan.Tunnel);
        Assert.Contains(plan.Problems, p => p.Contains("brAddress", StringComparison.Ordinal));
    }
}
