using System.Net;

namespace Gatewayd.Softwire;

/// <summary>The addresses of a DS-Lite B4 (RFC 6333), computed by <see cref="DsLite.Calculate"/>.</summary>
/// <param name="B4Address">The tunnel's local IPv6 address.</param>
/// <param name="B4IsWanAddress">True when <paramref name="B4Address"/> is the WAN's own address (RA-only line), so nothing must be added.</param>
/// <param name="AftrAddress">The AFTR's IPv6 address, when given as an address.</param>
/// <param name="AftrName">The AFTR's DNS name, when given as a name (resolved elsewhere).</param>
/// <param name="TunnelIpv4">The B4's IPv4 address on the tunnel: 192.0.0.2 (RFC 6333 section 5.7).</param>
/// <param name="TunnelIpv4PrefixLength">29 (RFC 6333 section 5.7: 192.0.0.0/29).</param>
/// <param name="AftrTunnelIpv4">The AFTR's IPv4 address on the tunnel: 192.0.0.1.</param>
public sealed record DsLiteResult(
    IPAddress B4Address,
    bool B4IsWanAddress,
    IPAddress? AftrAddress,
    string? AftrName,
    IPAddress TunnelIpv4,
    int TunnelIpv4PrefixLength,
    IPAddress AftrTunnelIpv4);
