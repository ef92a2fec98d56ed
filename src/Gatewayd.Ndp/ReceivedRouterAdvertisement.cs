using System.Net;

namespace Gatewayd.Ndp;

/// <summary>
/// A Router Advertisement that passed the receive checks of RFC 4861 section 6.1.2 (hop limit 255, link-local source,
/// well-formed), with where and when it arrived. This is what <see cref="RouterTracker"/> consumes.
/// </summary>
/// <param name="Source">The router's link-local address; its <see cref="IPAddress.ScopeId"/> is the interface index when known.</param>
/// <param name="Advertisement">The parsed RA.</param>
/// <param name="ReceivedTimestamp">
/// When it arrived, from <see cref="TimeProvider.GetTimestamp"/> of the same <see cref="TimeProvider"/> the tracker uses;
/// lifetimes count from here, not from when the tracker got round to it.
/// </param>
public sealed record ReceivedRouterAdvertisement(IPAddress Source, RouterAdvertisement Advertisement, long ReceivedTimestamp)
{
    /// <summary>The destination address (ff02::1 for unsolicited RAs, ours for a unicast answer to an RS), when known.</summary>
    public IPAddress? Destination { get; init; }

    /// <summary>The index of the interface it arrived on, 0 when unknown.</summary>
    public int InterfaceIndex { get; init; }
}
