using System.Net;

namespace Gatewayd.Softwire;

/// <summary>Everything a MAP-E CE needs, computed from its delegated prefix and a rule by <see cref="MapE.Calculate"/>.</summary>
/// <param name="Rule">The rule used.</param>
/// <param name="DelegatedPrefix">The end-user IPv6 prefix the calculation started from.</param>
/// <param name="Ipv4Address">The CE's public IPv4 address (the network address when <paramref name="Ipv4PrefixLength"/> &lt; 32).</param>
/// <param name="Ipv4PrefixLength">32 for a shared or full address; p4 + o when the rule assigns a whole IPv4 prefix (RFC 7597 section 5.2).</param>
/// <param name="Psid">Port-set id (0 when <paramref name="PsidLength"/> is 0).</param>
/// <param name="PsidLength">PSID length k.</param>
/// <param name="CeAddress">The CE's IPv6 address: the tunnel's local end, added as a /128 to the WAN interface.</param>
/// <param name="BrAddress">The border relay (the tunnel's remote end), if the rule has one.</param>
/// <param name="PortBlocks">
/// The CE's ports, sorted and disjoint. When the CE is not port-restricted (k = 0) this is the single range 0-65535, so
/// <see cref="PortCount"/> is 65536; check <see cref="IsPortRestricted"/> before building port-restricted NAT.
/// </param>
/// <param name="InterfaceIdForm">The interface-id layout used for <paramref name="CeAddress"/>.</param>
public sealed record MapeResult(
    MapRule Rule,
    IPNetwork DelegatedPrefix,
    IPAddress Ipv4Address,
    int Ipv4PrefixLength,
    int Psid,
    int PsidLength,
    IPAddress CeAddress,
    IPAddress? BrAddress,
    IReadOnlyList<PortRange> PortBlocks,
    InterfaceIdForm InterfaceIdForm)
{
    /// <summary>Total ports over <see cref="PortBlocks"/>.</summary>
    public int PortCount => PortBlocks.Sum(block => block.Count);

    /// <summary>Whether the IPv4 address is shared and only <see cref="PortBlocks"/> may be used (k &gt; 0).</summary>
    public bool IsPortRestricted => PsidLength > 0;

    /// <summary>The assigned IPv4 address or prefix as a network.</summary>
    public IPNetwork Ipv4Network => new(Ipv4Address, Ipv4PrefixLength);
}
