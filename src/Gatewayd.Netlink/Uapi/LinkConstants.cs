namespace Gatewayd.Netlink.Uapi;

/// <summary>Wire numbers from <c>linux/if_link.h</c>, <c>linux/if_tunnel.h</c>, <c>linux/ip6_tunnel.h</c>.</summary>
internal static class LinkConstants
{
    public const int IfinfomsgLength = 16; // linux/rtnetlink.h sizeof(struct ifinfomsg)

    public const ushort IflaAddress = 1;    // if_link.h IFLA_ADDRESS
    public const ushort IflaIfname = 3;     // if_link.h IFLA_IFNAME
    public const ushort IflaMtu = 4;        // if_link.h IFLA_MTU
    public const ushort IflaLink = 5;       // if_link.h IFLA_LINK
    public const ushort IflaOperstate = 16; // if_link.h IFLA_OPERSTATE
    public const ushort IflaLinkinfo = 18;  // if_link.h IFLA_LINKINFO

    public const ushort IflaInfoKind = 1;   // if_link.h IFLA_INFO_KIND
    public const ushort IflaInfoData = 2;   // if_link.h IFLA_INFO_DATA

    public const ushort IflaIptunLink = 1;        // if_tunnel.h IFLA_IPTUN_LINK
    public const ushort IflaIptunLocal = 2;       // if_tunnel.h IFLA_IPTUN_LOCAL
    public const ushort IflaIptunRemote = 3;      // if_tunnel.h IFLA_IPTUN_REMOTE
    public const ushort IflaIptunTtl = 4;         // if_tunnel.h IFLA_IPTUN_TTL
    public const ushort IflaIptunEncapLimit = 6;  // if_tunnel.h IFLA_IPTUN_ENCAP_LIMIT
    public const ushort IflaIptunFlowinfo = 7;    // if_tunnel.h IFLA_IPTUN_FLOWINFO
    public const ushort IflaIptunFlags = 8;       // if_tunnel.h IFLA_IPTUN_FLAGS
    public const ushort IflaIptunProto = 9;       // if_tunnel.h IFLA_IPTUN_PROTO
    public const ushort IflaIptunEncapType = 15;  // if_tunnel.h IFLA_IPTUN_ENCAP_TYPE
    public const ushort IflaIptunEncapFlags = 16; // if_tunnel.h IFLA_IPTUN_ENCAP_FLAGS
    public const ushort IflaIptunEncapSport = 17; // if_tunnel.h IFLA_IPTUN_ENCAP_SPORT
    public const ushort IflaIptunEncapDport = 18; // if_tunnel.h IFLA_IPTUN_ENCAP_DPORT
    public const ushort IflaIptunFwmark = 20;     // if_tunnel.h IFLA_IPTUN_FWMARK

    public const ushort TunnelEncapNone = 0;      // if_tunnel.h TUNNEL_ENCAP_NONE
    public const ushort TunnelEncapFlagCsum6 = 2; // if_tunnel.h TUNNEL_ENCAP_FLAG_CSUM6 (iproute2's default)

    public const string KindIp6Tnl = "ip6tnl";
}
