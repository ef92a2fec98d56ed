using System.Net;

namespace Gatewayd.Nftables;

/// <summary>An inclusive range of transport ports (or ICMP echo ids) that SNAT may use, e.g. one MAP-E port block.</summary>
/// <param name="Start">First port of the block.</param>
/// <param name="End">Last port of the block (inclusive).</param>
public readonly record struct PortBlock(int Start, int End)
{
    /// <summary>Number of ports in the block.</summary>
    public int Count => End - Start + 1;

    /// <summary>Whether <paramref name="port"/> lies inside the block.</summary>
    /// <param name="port">A port number.</param>
    public bool Contains(int port) => port >= Start && port <= End;

    /// <inheritdoc />
    public override string ToString() => $"{Start}-{End}";
}

/// <summary>How new UDP flows are spread over the port blocks of a <see cref="PortSetSnat"/>.</summary>
public enum UdpMapping
{
    /// <summary>
    /// <c>numgen inc</c>: flows take the blocks in turn. Every port of the set is usable toward a single destination.
    /// </summary>
    RoundRobin,

    /// <summary>
    /// <c>jhash ip saddr . udp sport</c>: one LAN socket always lands in the same block, so it keeps one external port toward many
    /// peers (what games and P2P want), at the cost of uneven block use (about 219 of 240 ports toward one destination).
    /// </summary>
    EndpointIndependent,
}

/// <summary>The source NAT a tunnel needs for IPv4 leaving through it.</summary>
public abstract record NatSpec;

/// <summary>MAP-E: SNAT to one IPv4 address, restricted to a non-contiguous set of port blocks (RFC 7597 section 5.1).</summary>
/// <param name="Address">The shared IPv4 address.</param>
/// <param name="Blocks">The port blocks of the PSID, in the order they are handed out.</param>
/// <param name="UdpMapping">How UDP flows pick a block; TCP and ICMP always take the blocks in turn.</param>
public sealed record PortSetSnat(IPAddress Address, IReadOnlyList<PortBlock> Blocks, UdpMapping UdpMapping = UdpMapping.RoundRobin) : NatSpec;

/// <summary>Fixed IPv4 over IPIP6: SNAT to a whole address, every port usable, every protocol passes.</summary>
/// <param name="Address">The fixed IPv4 address.</param>
public sealed record PlainSnat(IPAddress Address) : NatSpec;

/// <summary>DS-Lite: no NAT on the gateway, the AFTR does NAT44.</summary>
public sealed record NoNat : NatSpec;

/// <summary>Everything gatewayd puts in its own nftables table.</summary>
/// <param name="TunnelInterface">The softwire's interface name (e.g. <c>mape0</c>); a valid Linux interface name.</param>
/// <param name="Nat">The SNAT the tunnel needs.</param>
/// <param name="ClampMss">Clamp the MSS of TCP SYNs leaving through the tunnel to the route MTU.</param>
/// <param name="TableName">The <c>inet</c> table gatewayd owns; nothing else is ever touched.</param>
public sealed record GatewaydRuleset(string TunnelInterface, NatSpec Nat, bool ClampMss = true, string TableName = "gatewayd")
{
    /// <summary>
    /// The tunnel's IPv4 MTU. When set (and <see cref="ClampMss"/> is on), SYNs arriving from the tunnel are clamped too, to
    /// MTU - 40, so LAN hosts never send segments that do not fit the tunnel. <c>rt mtu</c> cannot do this direction: for an
    /// incoming SYN it is the MTU of the route toward the LAN.
    /// </summary>
    public int? TunnelMtu { get; init; }
}
