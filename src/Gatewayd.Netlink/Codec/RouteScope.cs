namespace Gatewayd.Netlink;

/// <summary><c>rtm_scope</c> / <c>ifa_scope</c> values (linux/rtnetlink.h <c>RT_SCOPE_*</c>).</summary>
#pragma warning disable CA1028 // The wire field is one byte.
public enum RouteScope : byte
#pragma warning restore CA1028
{
    /// <summary><c>RT_SCOPE_UNIVERSE</c>: global.</summary>
    Universe = 0,

    /// <summary><c>RT_SCOPE_SITE</c>.</summary>
    Site = 200,

    /// <summary><c>RT_SCOPE_LINK</c>: on-link.</summary>
    Link = 253,

    /// <summary><c>RT_SCOPE_HOST</c>: this host.</summary>
    Host = 254,

    /// <summary><c>RT_SCOPE_NOWHERE</c>.</summary>
    Nowhere = 255,
}
