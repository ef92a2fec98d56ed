using System.Diagnostics.CodeAnalysis;
using System.Net;
using Gatewayd.Netlink.Uapi;

namespace Gatewayd.Netlink;

/// <summary>The <c>IFLA_INFO_DATA</c> of an <c>ip6tnl</c> link (linux/if_tunnel.h <c>IFLA_IPTUN_*</c>).</summary>
/// <remarks>
/// The kernel's <c>ip6_tnl_changelink</c> starts from zeroed parameters, so a change must carry every field, not only
/// the ones that differ; <see cref="WriteTo"/> therefore always writes all of them, in iproute2's order.
/// </remarks>
public sealed record Ip6TunnelInfo
{
    /// <summary><c>IPPROTO_IPIP</c> (linux/in.h): IPv4 inside IPv6 (MAP-E, DS-Lite, <c>mode ip4ip6</c>).</summary>
    public const byte ProtocolIpip = 4;

    /// <summary><c>IPPROTO_IPV6</c> (linux/in.h): IPv6 inside IPv6 (<c>mode ip6ip6</c>).</summary>
    public const byte ProtocolIpv6 = 41;

    /// <summary>The kernel's default Tunnel Encapsulation Limit (<c>IPV6_DEFAULT_TNL_ENCAP_LIMIT</c>, RFC 2473).</summary>
    public const byte DefaultEncapsulationLimit = 4;

    /// <summary><c>IFLA_IPTUN_LINK</c>: index of the underlying link (0: any).</summary>
    public uint Link { get; init; }

    /// <summary><c>IFLA_IPTUN_LOCAL</c>: the local IPv6 endpoint.</summary>
    public IPAddress Local { get; init; } = IPAddress.IPv6Any;

    /// <summary><c>IFLA_IPTUN_REMOTE</c>: the remote IPv6 endpoint (the BR or AFTR).</summary>
    public IPAddress Remote { get; init; } = IPAddress.IPv6Any;

    /// <summary><c>IFLA_IPTUN_TTL</c>: the outer hop limit (0: inherit).</summary>
    public byte HopLimit { get; init; }

    /// <summary><c>IFLA_IPTUN_ENCAP_LIMIT</c>: ignored when <see cref="Ip6TunnelFlags.IgnoreEncapsulationLimit"/> is set.</summary>
    public byte EncapsulationLimit { get; init; } = DefaultEncapsulationLimit;

    /// <summary><c>IFLA_IPTUN_FLOWINFO</c>: traffic class and flow label, network order as a host u32.</summary>
    public uint FlowInfo { get; init; }

    /// <summary><c>IFLA_IPTUN_FLAGS</c>.</summary>
    public Ip6TunnelFlags Flags { get; init; }

    /// <summary><c>IFLA_IPTUN_PROTO</c>: <see cref="ProtocolIpip"/>, <see cref="ProtocolIpv6"/> or 0 for any.</summary>
    public byte Protocol { get; init; } = ProtocolIpip;

    /// <summary><c>IFLA_IPTUN_FWMARK</c>.</summary>
    public uint FirewallMark { get; init; }

    /// <summary>Decodes the attributes inside <c>IFLA_INFO_DATA</c>; absent ones read as 0 (or <c>::</c>).</summary>
    /// <param name="data">A reader over the nested attributes.</param>
    /// <param name="info">The tunnel parameters.</param>
    /// <param name="error">Why decoding failed, with the byte offset.</param>
    /// <returns>False on malformed input.</returns>
    public static bool TryParse(AttributeReader data, [NotNullWhen(true)] out Ip6TunnelInfo? info, out NetlinkParseError error)
    {
        info = null;
        var result = new Ip6TunnelInfo { EncapsulationLimit = 0, Protocol = 0 };
        while (data.TryReadNext(out var a))
        {
            var ok = true;
            switch (a.Type)
            {
                case LinkConstants.IflaIptunLink:
                    ok = a.TryGetU32(out var link, out error);
                    result = result with { Link = link };
                    break;
                case LinkConstants.IflaIptunLocal:
                    ok = a.TryGetAddress(InetFamily.IPv6, out var local, out error);
                    result = result with { Local = local ?? IPAddress.IPv6Any };
                    break;
                case LinkConstants.IflaIptunRemote:
                    ok = a.TryGetAddress(InetFamily.IPv6, out var remote, out error);
                    result = result with { Remote = remote ?? IPAddress.IPv6Any };
                    break;
                case LinkConstants.IflaIptunTtl:
                    ok = a.TryGetU8(out var ttl, out error);
                    result = result with { HopLimit = ttl };
                    break;
                case LinkConstants.IflaIptunEncapLimit:
                    ok = a.TryGetU8(out var limit, out error);
                    result = result with { EncapsulationLimit = limit };
                    break;
                case LinkConstants.IflaIptunFlowinfo:
                    ok = a.TryGetU32(out var flow, out error);
                    result = result with { FlowInfo = flow };
                    break;
                case LinkConstants.IflaIptunFlags:
                    ok = a.TryGetU32(out var flags, out error);
                    result = result with { Flags = (Ip6TunnelFlags)flags };
                    break;
                case LinkConstants.IflaIptunProto:
                    ok = a.TryGetU8(out var proto, out error);
                    result = result with { Protocol = proto };
                    break;
                case LinkConstants.IflaIptunFwmark:
                    ok = a.TryGetU32(out var mark, out error);
                    result = result with { FirewallMark = mark };
                    break;
                default:
                    error = default;
                    break;
            }

            if (!ok)
            {
                return false;
            }
        }

        if (data.Error is { } e)
        {
            error = e;
            return false;
        }

        error = default;
        info = result;
        return true;
    }

    /// <summary>Writes the <c>IFLA_IPTUN_*</c> attributes (the caller opens <c>IFLA_INFO_DATA</c>).</summary>
    /// <param name="writer">The message being built.</param>
    /// <remarks>Same attributes and order as iproute2's <c>ip link add ... type ip6tnl</c>, including "no FOU/GUE encapsulation".</remarks>
    public void WriteTo(NetlinkWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteU8(LinkConstants.IflaIptunProto, Protocol);
        writer.WriteAddress(LinkConstants.IflaIptunLocal, Local);
        writer.WriteAddress(LinkConstants.IflaIptunRemote, Remote);
        writer.WriteU8(LinkConstants.IflaIptunTtl, HopLimit);
        writer.WriteU8(LinkConstants.IflaIptunEncapLimit, EncapsulationLimit);
        writer.WriteU32(LinkConstants.IflaIptunFlowinfo, FlowInfo);
        writer.WriteU32(LinkConstants.IflaIptunFlags, (uint)Flags);
        writer.WriteU32(LinkConstants.IflaIptunLink, Link);
        writer.WriteU32(LinkConstants.IflaIptunFwmark, FirewallMark);
        writer.WriteU16(LinkConstants.IflaIptunEncapType, LinkConstants.TunnelEncapNone);
        writer.WriteU16(LinkConstants.IflaIptunEncapFlags, LinkConstants.TunnelEncapFlagCsum6);
        writer.WriteU16(LinkConstants.IflaIptunEncapSport, 0);
        writer.WriteU16(LinkConstants.IflaIptunEncapDport, 0);
    }

    /// <summary>A one-line description, as in <c>ip -d link</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"ip6tnl proto {Protocol} remote {Remote} local {Local} link {Link} hoplimit {HopLimit} " +
        (Flags.HasFlag(Ip6TunnelFlags.IgnoreEncapsulationLimit) ? "encaplimit none" : $"encaplimit {EncapsulationLimit}");
}
