using System.Net;
using Gatewayd.Config;
using Gatewayd.Nftables;
using Gatewayd.Softwire;

namespace Gatewayd.Planning;

/// <summary>The pure function from a snapshot of inputs to the network gatewayd wants. No I/O, no clock.</summary>
internal static class Planner
{
    /// <summary>IPv4 default route, the one route that sends traffic into the tunnel.</summary>
    public static readonly IPNetwork Ipv4Default = new(IPAddress.Any, 0);

    public static DesiredNetwork Plan(PlanInput input, MapRuleTable? table = null)
    {
        var config = input.Config;
        if (config.Wan.Interface is not { } wan)
            return DesiredNetwork.Empty("idle: set wan.interface in the config");
        // A PD lease wins over an RA /64: it is what the NGN's MAP-E and DS-Lite provisioning is keyed on.
        var prefix = input.DelegatedPrefix ?? input.RaPrefix;
        if (prefix is not { } p)
            return DesiredNetwork.Empty("waiting for a delegated prefix (DHCPv6-PD) or an RA /64");
        var isDelegated = input.DelegatedPrefix is not null;

        var problems = new List<string>();
        var addresses = new List<AddressSpec>();
        var routes = new List<RouteSpec>();
        var softwire = PlanSoftwire(input, p, wan, table ?? MapRuleTable.BuiltIn, problems, out var noRule);
        if (softwire is not null)
        {
            addresses.AddRange(softwire.Addresses);
            routes.AddRange(softwire.Routes);
        }
        if (isDelegated)
        {
            // RFC 7084 WPD-5: the undelegated rest of the prefix must not loop back to the ISP.
            routes.Add(new RouteSpec(p, null, RouteType.Unreachable, "delegated prefix (RFC 7084 WPD-5)"));
        }
        PlanLans(config, p, isDelegated, addresses, problems);
        return new DesiredNetwork(p, softwire?.Summary, softwire?.Tunnel, addresses, routes, softwire?.Ruleset, problems) { NoMatchingRule = noRule };
    }

    private sealed record SoftwirePlan(SoftwireSummary Summary, TunnelSpec? Tunnel, List<AddressSpec> Addresses, List<RouteSpec> Routes, GatewaydRuleset? Ruleset);

    private static SoftwirePlan? PlanSoftwire(PlanInput input, IPNetwork prefix, string wan, MapRuleTable table, List<string> problems, out bool noRule)
    {
        var sw = input.Config.Softwire;
        noRule = false;
        try
        {
            return sw.Mode switch
            {
                SoftwireMode.MapE => PlanMapE(input, prefix, wan, table, problems),
                SoftwireMode.Ipip6 => PlanIpip6(sw, prefix, wan),
                SoftwireMode.DsLite => PlanDsLite(input, prefix, wan, problems),
                _ => null,
            };
        }
        catch (SoftwireException e)
        {
            noRule = e is NoMatchingRuleException;
            problems.Add(e.Message);
            return null;
        }
    }

    private static SoftwirePlan? PlanMapE(PlanInput input, IPNetwork prefix, string wan, MapRuleTable table, List<string> problems)
    {
        var sw = input.Config.Softwire;
        var (rule, fromServer) = ChooseRule(input, prefix, table);
        var form = sw.MapE.InterfaceId switch
        {
            InterfaceIdChoice.Rfc7597 => InterfaceIdForm.Rfc7597,
            InterfaceIdChoice.Draft03 => InterfaceIdForm.Draft03,
            // Rules a server sends are RFC 7598, so RFC 7597 CEs; the Japanese tables are draft-03 era.
            _ => fromServer ? InterfaceIdForm.Rfc7597 : InterfaceIdForm.Draft03,
        };
        var r = MapE.Calculate(prefix, rule, form);
        var summary = new SoftwireSummary("map-e", r, null, null);
        if (r.BrAddress is null)
        {
            problems.Add("map-e: the rule has no BR address: add softwire.mapE.rule.brAddress");
            return new SoftwirePlan(summary, null, [], [], null);
        }
        NatSpec nat = r.IsPortRestricted
            ? new PortSetSnat(r.Ipv4Address, [.. r.PortBlocks.Select(b => new PortBlock(b.Start, b.End))], sw.MapE.UdpMapping)
            : new PlainSnat(r.Ipv4Address);
        return Tunnelled(summary, sw, wan, r.CeAddress, r.BrAddress, null,
            new InterfaceAddress(r.Ipv4Address, r.Ipv4PrefixLength), nat);
    }

    private static (MapRule Rule, bool FromServer) ChooseRule(PlanInput input, IPNetwork prefix, MapRuleTable table)
    {
        var mapE = input.Config.Softwire.MapE;
        if (mapE.Rule is { } manual)
            return (manual, false);
        if (input.ServerMapRules is { Count: > 0 } served && new MapRuleTable(served).FindLongestMatch(prefix) is { } fromServer)
            return (fromServer, true);
        return (table.Resolve(prefix, mapE.Vne), false);
    }

    private static SoftwirePlan PlanIpip6(SoftwireConfig sw, IPNetwork prefix, string wan)
    {
        if (sw.Ipip6 is not { } c)
            throw new SoftwireException("ipip6: softwire.ipip6 is not configured");
        var r = FixedIpv4.Calculate(prefix, c.InterfaceId, c.Ipv4Address, c.BrAddress);
        return Tunnelled(new SoftwireSummary("ipip6", null, r, null), sw, wan, r.CeAddress, r.BrAddress, null,
            new InterfaceAddress(r.Ipv4Address, 32), new PlainSnat(r.Ipv4Address));
    }

    private static SoftwirePlan PlanDsLite(PlanInput input, IPNetwork prefix, string wan, List<string> problems)
    {
        var sw = input.Config.Softwire;
        if (sw.DsLite is not { } c)
            throw new SoftwireException("ds-lite: softwire.dsLite.aftr is not configured");
        var delegated = input.DelegatedPrefix is not null ? prefix : (IPNetwork?)null;
        var r = DsLite.Calculate(delegated, input.WanGlobalAddress, c.Aftr);
        var remote = r.AftrAddress ?? input.AftrAddress;
        if (remote is null)
            problems.Add($"ds-lite: AFTR {r.AftrName} is not resolved yet");
        var plan = Tunnelled(new SoftwireSummary("ds-lite", null, null, r), sw, wan, r.B4Address, remote, r.AftrName,
            new InterfaceAddress(r.TunnelIpv4, r.TunnelIpv4PrefixLength), new NoNat());
        if (r.B4IsWanAddress)
            plan.Addresses.RemoveAll(a => a.Interface == wan);
        return plan;
    }

    /// <summary>The shape every softwire shares: local /128 on the WAN, an ip6tnl, IPv4 on it, a default route into it.</summary>
    private static SoftwirePlan Tunnelled(SoftwireSummary summary, SoftwireConfig sw, string wan, IPAddress local,
        IPAddress? remote, string? remoteName, InterfaceAddress ipv4, NatSpec nat)
    {
        var tunnel = new TunnelSpec(sw.TunnelName, wan, local, remote, remoteName, sw.Mtu);
        List<AddressSpec> addresses =
        [
            // No DAD: the /128 is ours by construction, and DAD would hold the tunnel down for a second at every start.
            new(wan, new InterfaceAddress(local, 128), NoDad: true, $"{summary.Mode} tunnel endpoint"),
            new(sw.TunnelName, ipv4, NoDad: false, $"{summary.Mode} IPv4"),
        ];
        List<RouteSpec> routes = remote is null ? [] : [new RouteSpec(Ipv4Default, sw.TunnelName, RouteType.Unicast, "IPv4 default via the tunnel")];
        return new SoftwirePlan(summary, tunnel, addresses, routes, new GatewaydRuleset(sw.TunnelName, nat) { TunnelMtu = sw.Mtu });
    }

    private static void PlanLans(GatewaydConfig config, IPNetwork prefix, bool isDelegated, List<AddressSpec> addresses, List<string> problems)
    {
        for (var i = 0; i < config.Lan.Count; i++)
        {
            var lan = config.Lan[i];
            if (!isDelegated)
            {
                problems.Add($"lan[{i}].subnetId: no delegated prefix to take a /64 from (only an RA /64 is known)");
                continue;
            }
            if (SubnetPrefix.Of(prefix, lan.SubnetId) is not { } subnet)
            {
                problems.Add($"lan[{i}].subnetId: {lan.SubnetId} does not fit in {prefix} (0..{SubnetPrefix.MaxSubnetId(prefix)})");
                continue;
            }
            addresses.Add(new AddressSpec(lan.Interface, new InterfaceAddress(SubnetPrefix.WithInterfaceId(subnet, 1), 64), NoDad: false, "LAN /64"));
        }
    }
}
