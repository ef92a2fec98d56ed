namespace Gatewayd.Netlink;

/// <summary><c>IFLA_IPTUN_FLAGS</c> bits for ip6tnl (linux/ip6_tunnel.h <c>IP6_TNL_F_*</c>).</summary>
[Flags]
#pragma warning disable CA1028, CA1711 // The wire field is 32 bits; "Flags" is the kernel's name.
public enum Ip6TunnelFlags : uint
#pragma warning restore CA1028, CA1711
{
    /// <summary>No flags.</summary>
    None = 0,

    /// <summary><c>IP6_TNL_F_IGN_ENCAP_LIMIT</c>: send no Tunnel Encapsulation Limit option (RFC 2473), i.e. <c>encaplimit none</c>.</summary>
    IgnoreEncapsulationLimit = 0x1,

    /// <summary><c>IP6_TNL_F_USE_ORIG_TCLASS</c>: copy the inner traffic class.</summary>
    UseOriginalTrafficClass = 0x2,

    /// <summary><c>IP6_TNL_F_USE_ORIG_FLOWLABEL</c>: copy the inner flow label.</summary>
    UseOriginalFlowLabel = 0x4,

    /// <summary><c>IP6_TNL_F_MIP6_DEV</c>.</summary>
    Mip6Device = 0x8,

    /// <summary><c>IP6_TNL_F_RCV_DSCP_COPY</c>.</summary>
    ReceiveDscpCopy = 0x10,

    /// <summary><c>IP6_TNL_F_USE_ORIG_FWMARK</c>.</summary>
    UseOriginalFwmark = 0x20,

    /// <summary><c>IP6_TNL_F_ALLOW_LOCAL_REMOTE</c>.</summary>
    AllowLocalRemote = 0x40,
}
