using System.Net;

namespace Gatewayd.Ndp;

/// <summary>
/// Something <see cref="RouterTracker"/> learned from Router Advertisements or from a lifetime running out. The hierarchy is
/// closed: <see cref="DefaultRouterAppeared"/>, <see cref="DefaultRouterChanged"/>, <see cref="DefaultRouterLost"/>,
/// <see cref="FlagsChanged"/>, <see cref="OnLinkPrefixesChanged"/>, <see cref="DnsChanged"/>, <see cref="MtuChanged"/>.
/// </summary>
public abstract record RouterTrackerEvent
{
    private protected RouterTrackerEvent()
    {
    }
}

/// <summary>A router entered the Default Router List (RFC 4861 section 6.3.4): an RA with a non-zero router lifetime.</summary>
/// <param name="Router">The router as now known.</param>
public sealed record DefaultRouterAppeared(DefaultRouter Router) : RouterTrackerEvent;

/// <summary>A known default router now advertises a different preference, lifetime or link-layer address.</summary>
/// <param name="Previous">The router as it was.</param>
/// <param name="Current">The router as it is now.</param>
public sealed record DefaultRouterChanged(DefaultRouter Previous, DefaultRouter Current) : RouterTrackerEvent;

/// <summary>A router left the Default Router List.</summary>
/// <param name="Router">The router as it was last known.</param>
/// <param name="Reason">Whether it said so (lifetime 0) or went silent (lifetime ran out).</param>
public sealed record DefaultRouterLost(DefaultRouter Router, RouterLossReason Reason) : RouterTrackerEvent;

/// <summary>The M and O flags of the latest RA differ from the previous ones (or are known for the first time).</summary>
/// <param name="Managed">M: addresses via DHCPv6. On the NGN, start DHCPv6-PD when M or O is set (RFC 7084).</param>
/// <param name="OtherConfiguration">O: other configuration via DHCPv6.</param>
/// <param name="Router">The router whose RA set them.</param>
public sealed record FlagsChanged(bool Managed, bool OtherConfiguration, IPAddress Router) : RouterTrackerEvent;

/// <summary>The set of on-link prefixes changed (one appeared, was withdrawn, expired, or changed its A flag).</summary>
/// <param name="Prefixes">All on-link prefixes now, in the order first seen.</param>
public sealed record OnLinkPrefixesChanged(IReadOnlyList<OnLinkPrefix> Prefixes) : RouterTrackerEvent;

/// <summary>The RDNSS or DNSSL set changed (RFC 8106): an entry appeared, was withdrawn with lifetime 0, or expired.</summary>
/// <param name="Servers">Recursive DNS servers now, in the order first seen; link-local ones carry the interface as scope.</param>
/// <param name="SearchDomains">Search domains now, in the order first seen.</param>
public sealed record DnsChanged(IReadOnlyList<IPAddress> Servers, IReadOnlyList<string> SearchDomains) : RouterTrackerEvent;

/// <summary>An RA carried an acceptable MTU option with a new value (RFC 4861 section 6.3.4).</summary>
/// <param name="Previous">The MTU before, or null when none had been advertised.</param>
/// <param name="Current">The advertised link MTU.</param>
public sealed record MtuChanged(uint? Previous, uint Current) : RouterTrackerEvent;

/// <summary>Why a router left the Default Router List.</summary>
public enum RouterLossReason
{
    /// <summary>It sent an RA with router lifetime 0 (RFC 4861 section 6.3.4), as radvd does when it stops.</summary>
    LifetimeZero,
    /// <summary>Its router lifetime ran out with no fresh RA.</summary>
    Expired,
}

/// <summary>An entry of the Default Router List (RFC 4861 section 5.1, RFC 4191 section 3).</summary>
/// <param name="Address">The router's link-local address.</param>
/// <param name="Preference">Its default router preference.</param>
/// <param name="Lifetime">The router lifetime it advertised last.</param>
/// <param name="LinkLayerAddress">Its link-layer address from the SLLA option, or null when never sent.</param>
/// <param name="ExpiresAt">Wall-clock time its lifetime runs out (informational; expiry runs on the monotonic clock).</param>
public sealed record DefaultRouter(IPAddress Address, RouterPreference Preference, TimeSpan Lifetime, string? LinkLayerAddress, DateTimeOffset ExpiresAt);

/// <summary>An on-link prefix from a Prefix Information option with the L flag (RFC 4861 section 6.3.4).</summary>
/// <param name="Prefix">The prefix.</param>
/// <param name="Autonomous">The A flag: usable for SLAAC (on the NGN, the /64 a MAP-E CE is computed from when there is no PD).</param>
/// <param name="ValidLifetime">Valid lifetime as advertised; <see cref="Timeout.InfiniteTimeSpan"/> for infinity.</param>
/// <param name="PreferredLifetime">Preferred lifetime as advertised; <see cref="Timeout.InfiniteTimeSpan"/> for infinity.</param>
/// <param name="Router">The router whose RA last refreshed it.</param>
public sealed record OnLinkPrefix(IPNetwork Prefix, bool Autonomous, TimeSpan ValidLifetime, TimeSpan PreferredLifetime, IPAddress Router);
