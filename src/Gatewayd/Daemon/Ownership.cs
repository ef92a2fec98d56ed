namespace Gatewayd.Daemon;

/// <summary>
/// How gatewayd marks the kernel objects it owns, so it touches only those: routes, addresses and rules carry this
/// protocol number (named "gatewayd" in /etc/iproute2/rt_protos.d/gatewayd.conf, so `ip route` prints it).
/// </summary>
internal static class Ownership
{
    /// <summary>Not named by iproute2's rt_protos (which uses 0-18, 42, 99, 186-192).</summary>
    public const byte RouteProtocol = 157;

    /// <summary>
    /// IFA_PROTO of the addresses gatewayd adds (kernel 5.18+); the reconciler removes only addresses that carry it. The same
    /// number as the routes, so one name serves both (iproute2 reads address names from rt_addrprotos, 6.3 and later).
    /// </summary>
    public const byte AddressProtocol = RouteProtocol;

    /// <summary>
    /// RTPROT_RA: a route the kernel learned from an RA before gatewayd set accept_ra=0. gatewayd takes those over on
    /// the WAN, since it now processes the RAs there; routes of any other protocol (static, boot, a user's) it leaves.
    /// </summary>
    public const byte KernelRaProtocol = 9;

    /// <summary>The metric of the IPv6 default route learned from the WAN RA: the kernel's own RA routes use 1024 too.</summary>
    public const uint RaDefaultRouteMetric = 1024;
}
