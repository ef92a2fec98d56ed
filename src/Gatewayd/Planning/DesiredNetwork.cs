using System.Net;
using Gatewayd.Nftables;
using Gatewayd.Softwire;

namespace Gatewayd.Planning;

/// <summary>An address with its prefix length, as it is put on an interface (IPNetwork cannot hold host bits).</summary>
internal readonly record struct InterfaceAddress(IPAddress Address, int PrefixLength)
{
    public override string ToString() => $"{Address}/{PrefixLength}";
}

/// <summary>The ip6tnl link a softwire needs. Every mode carries IPv4 in IPv6 (ip4ip6) with no encapsulation limit option.</summary>
internal sealed record TunnelSpec(string Name, string Underlay, IPAddress Local, IPAddress? Remote, string? RemoteName, int Mtu)
{
    /// <summary>The kernel link kind.</summary>
    public string Kind { get; init; } = "ip6tnl";

    /// <summary>ip4ip6: IPPROTO_IPIP inside IPv6.</summary>
    public string Mode { get; init; } = "ip4ip6";

    /// <summary>
    /// Null means no RFC 2473 encapsulation limit option: the Japanese BRs drop packets that carry it, and the
    /// 8 bytes it costs would not fit the 1460 MTU.
    /// </summary>
    public int? EncapsulationLimit { get; init; }
}

internal sealed record AddressSpec(string Interface, InterfaceAddress Address, bool NoDad, string Purpose);

internal enum RouteType { Unicast, Unreachable }

internal sealed record RouteSpec(IPNetwork Destination, string? Device, RouteType Type, string Purpose, int Metric = 0, string Table = "main");

/// <summary>What the softwire computation gave, for people reading status and plans.</summary>
internal sealed record SoftwireSummary(string Mode, MapeResult? MapE, FixedIpv4Result? Fixed, DsLiteResult? DsLite);

/// <summary>
/// Everything gatewayd wants the kernel to hold for one snapshot of its inputs. Produced only by <see cref="Planner"/>;
/// the reconciler makes the kernel match it.
/// </summary>
internal sealed record DesiredNetwork(
    IPNetwork? DelegatedPrefix,
    SoftwireSummary? Softwire,
    TunnelSpec? Tunnel,
    IReadOnlyList<AddressSpec> Addresses,
    IReadOnlyList<RouteSpec> Routes,
    GatewaydRuleset? Ruleset,
    IReadOnlyList<string> Problems)
{
    /// <summary>MAP-E was asked for but no rule covers the prefix: the plan is degraded until a rule is given.</summary>
    public bool NoMatchingRule { get; init; }

    public static DesiredNetwork Empty(params IReadOnlyList<string> problems) => new(null, null, null, [], [], null, problems);
}
