namespace Gatewayd.Netlink;

/// <summary><c>rtm_type</c> values (linux/rtnetlink.h <c>RTN_*</c>).</summary>
#pragma warning disable CA1028 // The wire field is one byte.
public enum RouteType : byte
#pragma warning restore CA1028
{
    /// <summary><c>RTN_UNSPEC</c>.</summary>
    Unspecified = 0,

    /// <summary><c>RTN_UNICAST</c>: a gateway or direct route.</summary>
    Unicast = 1,

    /// <summary><c>RTN_LOCAL</c>: a local address.</summary>
    Local = 2,

    /// <summary><c>RTN_BROADCAST</c>.</summary>
    Broadcast = 3,

    /// <summary><c>RTN_ANYCAST</c>.</summary>
    Anycast = 4,

    /// <summary><c>RTN_MULTICAST</c>.</summary>
    Multicast = 5,

    /// <summary><c>RTN_BLACKHOLE</c>: drop silently.</summary>
    Blackhole = 6,

    /// <summary><c>RTN_UNREACHABLE</c>: drop with ICMP unreachable.</summary>
    Unreachable = 7,

    /// <summary><c>RTN_PROHIBIT</c>: drop with ICMP administratively prohibited.</summary>
    Prohibit = 8,

    /// <summary><c>RTN_THROW</c>: continue the rule lookup.</summary>
    Throw = 9,
}
