using System.Net;
using System.Net.Sockets;
using Gatewayd.Daemon;
using Gatewayd.Netlink;
using Gatewayd.Planning;
using NetlinkRouteType = Gatewayd.Netlink.RouteType;
using PlannedRouteType = Gatewayd.Planning.RouteType;

namespace Gatewayd.Reconcile;

/// <summary>
/// The planner's specs as the rtnetlink records gatewayd sends, and the keys that say whether a dumped object is the one a
/// spec asks for. Pure: the diff and the runner both use it, so what is compared is exactly what is sent.
/// </summary>
internal static class KernelObjects
{
    /// <summary>iproute2's default for ip6tnl (<c>DEFAULT_TNL_HOP_LIMIT</c>); 0 would inherit the inner TTL, which IPv4 lets drop to 1.</summary>
    public const byte TunnelHopLimit = 64;

    /// <summary>The metric the kernel gives an IPv6 route added without one (<c>IP6_RT_PRIO_USER</c>).</summary>
    public const uint Ipv6DefaultMetric = 1024;

    public static InetFamily FamilyOf(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 ? InetFamily.IPv6 : InetFamily.IPv4;

    /// <summary>The ip6tnl parameters for <paramref name="spec"/>: ip4ip6, and "encaplimit none" unless the spec names a limit.</summary>
    public static Ip6TunnelInfo Tunnel(TunnelSpec spec, int underlayIndex) => new()
    {
        Link = (uint)underlayIndex,
        Local = spec.Local,
        Remote = spec.Remote ?? IPAddress.IPv6Any,
        HopLimit = TunnelHopLimit,
        Protocol = Ip6TunnelInfo.ProtocolIpip,
        Flags = spec.EncapsulationLimit is null ? Ip6TunnelFlags.IgnoreEncapsulationLimit : Ip6TunnelFlags.None,
        EncapsulationLimit = spec.EncapsulationLimit is { } limit ? (byte)limit : Ip6TunnelInfo.DefaultEncapsulationLimit,
    };

    /// <summary>
    /// Whether a dumped tunnel already has the parameters <paramref name="wanted"/> asks for. Flow info and fwmark are not
    /// compared: gatewayd never sets them, and the kernel may report bits it derived.
    /// </summary>
    public static bool SameTunnel(Ip6TunnelInfo? current, Ip6TunnelInfo wanted)
    {
        if (current is null)
            return false;
        var ignoreLimit = wanted.Flags.HasFlag(Ip6TunnelFlags.IgnoreEncapsulationLimit);
        return current.Local.Equals(wanted.Local) && current.Remote.Equals(wanted.Remote) && current.Link == wanted.Link
            && current.HopLimit == wanted.HopLimit && current.Protocol == wanted.Protocol
            && current.Flags.HasFlag(Ip6TunnelFlags.IgnoreEncapsulationLimit) == ignoreLimit
            && (ignoreLimit || current.EncapsulationLimit == wanted.EncapsulationLimit);
    }

    /// <summary>The address to add: IPv4 carries IFA_LOCAL too (as iproute2 sends it), both carry our IFA_PROTO.</summary>
    public static AddressInfo Address(AddressSpec spec, int index)
    {
        var address = spec.Address.Address;
        var family = FamilyOf(address);
        return new AddressInfo
        {
            Family = family,
            PrefixLength = (byte)spec.Address.PrefixLength,
            Index = index,
            Address = address,
            Local = family == InetFamily.IPv4 ? address : null,
            Flags = spec.NoDad && family == InetFamily.IPv6 ? AddressFlags.NoDad : AddressFlags.None,
            Protocol = Ownership.AddressProtocol,
        };
    }

    /// <summary>The fields that name a dumped address for a delete, without the lifetimes and flags the kernel reported.</summary>
    public static AddressInfo AddressToDelete(AddressInfo current) => new()
    {
        Family = current.Family,
        PrefixLength = current.PrefixLength,
        Index = current.Index,
        Address = current.Address,
        Local = current.Local,
    };

    public static bool IsAddress(AddressInfo current, AddressSpec spec, int index) =>
        current.Index == index && current.PrefixLength == spec.Address.PrefixLength && spec.Address.Address.Equals(current.EffectiveAddress);

    /// <summary>Route table names the planner uses, as iproute2's rt_tables names them; numbers are taken as they are.</summary>
    public static bool TryTable(string name, out uint id)
    {
        switch (name)
        {
            case "main":
                id = RouteInfo.MainTable;
                return true;
            case "default":
                id = 253;
                return true;
            case "local":
                id = 255;
                return true;
            default:
                return uint.TryParse(name, out id) && id is > 0 and < uint.MaxValue;
        }
    }

    /// <summary>The metric as the kernel reports it: IPv4 omits 0, IPv6 turns 0 into 1024.</summary>
    public static uint Metric(InetFamily family, uint? metric) =>
        family == InetFamily.IPv6 && metric is null or 0 ? Ipv6DefaultMetric : metric ?? 0;

    /// <summary>
    /// The route to add. An IPv4 route with a device and no gateway gets scope link, as <c>ip route add ... dev X</c> gives it;
    /// an unreachable route has no device (the kernel hangs IPv6 ones on lo itself).
    /// </summary>
    public static RouteInfo Route(RouteSpec spec, int? deviceIndex, uint table)
    {
        var family = FamilyOf(spec.Destination.BaseAddress);
        var unicast = spec.Type == PlannedRouteType.Unicast;
        return new RouteInfo
        {
            Family = family,
            Destination = spec.Destination.PrefixLength == 0 ? null : spec.Destination.BaseAddress,
            DestinationLength = (byte)spec.Destination.PrefixLength,
            Table = table,
            Protocol = Ownership.RouteProtocol,
            Type = unicast ? NetlinkRouteType.Unicast : NetlinkRouteType.Unreachable,
            Scope = unicast && family == InetFamily.IPv4 && deviceIndex is not null ? RouteScope.Link : RouteScope.Universe,
            OutputInterface = unicast ? deviceIndex : null,
            Priority = spec.Metric == 0 && family == InetFamily.IPv4 ? null : Metric(family, (uint)spec.Metric),
        };
    }

    /// <summary>The fields that name a dumped route for a delete, without cache info, expiry and flags.</summary>
    public static RouteInfo RouteToDelete(RouteInfo current) => new()
    {
        Family = current.Family,
        Destination = current.Destination,
        DestinationLength = current.DestinationLength,
        Tos = current.Tos,
        Table = current.Table,
        Protocol = current.Protocol,
        Scope = current.Scope,
        Type = current.Type,
        Gateway = current.Gateway,
        OutputInterface = current.Type == NetlinkRouteType.Unicast ? current.OutputInterface : null,
        Priority = current.Priority,
    };

    /// <summary>Destination, table, type, metric and (for unicast) device: what makes two routes the same route to gatewayd.</summary>
    public static bool IsRoute(RouteInfo current, RouteInfo wanted)
    {
        if (current.Family != wanted.Family || current.DestinationLength != wanted.DestinationLength || current.Table != wanted.Table
            || current.Type != wanted.Type || current.Tos != 0 || current.SourceLength != 0 || current.Gateway is not null
            || Metric(current.Family, current.Priority) != Metric(wanted.Family, wanted.Priority))
            return false;
        var zero = current.Family == InetFamily.IPv6 ? IPAddress.IPv6Any : IPAddress.Any;
        if (!(current.Destination ?? zero).Equals(wanted.Destination ?? zero))
            return false;
        return current.Type != NetlinkRouteType.Unicast || current.OutputInterface == wanted.OutputInterface;
    }
}
