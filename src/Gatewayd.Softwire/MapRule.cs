using System.Net;

namespace Gatewayd.Softwire;

/// <summary>
/// A MAP-E Basic Mapping Rule (RFC 7597 section 5): which IPv6 prefix maps to which IPv4 prefix, how many embedded-address
/// (EA) bits follow the rule prefix, and the PSID offset that shapes the port set.
/// </summary>
/// <remarks>
/// The positional constructor does not validate; use <see cref="Create"/> or <see cref="Parse"/> for untrusted input.
/// <see cref="MapE.Calculate"/> and <see cref="MapRuleTable"/> validate every rule they are given.
/// </remarks>
/// <param name="Ipv6Prefix">Rule IPv6 prefix (length p6).</param>
/// <param name="Ipv4Prefix">Rule IPv4 prefix (length p4).</param>
/// <param name="EaBitsLength">EA-bits length o: 0..48, with p6 + o &lt;= 64.</param>
/// <param name="PsidOffset">PSID offset a: 0..15 (RFC 7598 section 4.5).</param>
/// <param name="BrAddress">Border relay IPv6 address (the tunnel's remote end), if the rule's source gave one.</param>
/// <param name="Vne">Lowercase VNE name ("v6plus", "ocn", "biglobe", "nuro") for built-in rules; null for others.</param>
public sealed partial record MapRule(
    IPNetwork Ipv6Prefix,
    IPNetwork Ipv4Prefix,
    int EaBitsLength,
    int PsidOffset,
    IPAddress? BrAddress = null,
    string? Vne = null)
{
    /// <summary>IPv4 suffix length p = 32 - p4: how many EA bits complete the IPv4 address.</summary>
    public int Ipv4SuffixLength => 32 - Ipv4Prefix.PrefixLength;

    /// <summary>
    /// PSID length k = o - p (RFC 7597 section 5.2). Zero when the EA bits do not reach past the IPv4 address, i.e. the
    /// CE gets a full address (o + p4 = 32) or an IPv4 prefix (o + p4 &lt; 32) and all ports.
    /// </summary>
    public int PsidLength => Math.Max(0, EaBitsLength - Ipv4SuffixLength);

    /// <summary>Length of the IPv4 address or prefix a CE gets: 32 when shared or full, p4 + o when a prefix.</summary>
    public int AssignedIpv4PrefixLength => Math.Min(32, Ipv4Prefix.PrefixLength + EaBitsLength);

    /// <summary>The shortest end-user prefix the rule can map: p6 + o (all EA bits must be in it).</summary>
    public int EndUserPrefixLength => Ipv6Prefix.PrefixLength + EaBitsLength;

    /// <summary>Whether CEs share IPv4 addresses and are limited to a port set (k &gt; 0).</summary>
    public bool IsPortRestricted => PsidLength > 0;

    /// <summary>Ports per contiguous block, 2^m with m = 16 - a - k; 65536 when not port-restricted.</summary>
    public int PortsPerBlock => IsPortRestricted ? 1 << (16 - PsidOffset - PsidLength) : 65536;

    /// <summary>Blocks per CE: 2^a - 1 (A = 0 is excluded, RFC 7597 section 5.1), 1 when a = 0 or not port-restricted.</summary>
    public int PortBlockCount => IsPortRestricted && PsidOffset > 0 ? (1 << PsidOffset) - 1 : 1;

    /// <summary>Ports per CE.</summary>
    public int PortCount => PortBlockCount * PortsPerBlock;

    /// <summary>Creates a rule after validating it.</summary>
    /// <param name="ipv6Prefix">Rule IPv6 prefix.</param>
    /// <param name="ipv4Prefix">Rule IPv4 prefix.</param>
    /// <param name="eaBitsLength">EA-bits length.</param>
    /// <param name="psidOffset">PSID offset.</param>
    /// <param name="br">Border relay IPv6 address, if known.</param>
    /// <param name="vne">VNE name, if any.</param>
    /// <exception cref="SoftwireException">The rule is invalid; the message lists every problem as "field: reason".</exception>
    public static MapRule Create(
        IPNetwork ipv6Prefix, IPNetwork ipv4Prefix, int eaBitsLength, int psidOffset, IPAddress? br = null, string? vne = null)
    {
        IReadOnlyList<string> problems = Validate(ipv6Prefix, ipv4Prefix, eaBitsLength, psidOffset, br);
        if (problems.Count > 0)
        {
            throw new SoftwireException($"invalid MAP-E rule: {string.Join("; ", problems)}");
        }

        return new MapRule(ipv6Prefix, ipv4Prefix, eaBitsLength, psidOffset, br, vne);
    }

    /// <summary>The rule in the CLI form "&lt;ipv6-prefix&gt;,&lt;ipv4-prefix&gt;,&lt;ea-bits&gt;,&lt;psid-offset&gt;[,&lt;br&gt;]", which <see cref="Parse"/> reads back.</summary>
    public override string ToString() =>
        BrAddress is null
            ? $"{Ipv6Prefix},{Ipv4Prefix},{EaBitsLength},{PsidOffset}"
            : $"{Ipv6Prefix},{Ipv4Prefix},{EaBitsLength},{PsidOffset},{BrAddress}";

    internal void ThrowIfInvalid()
    {
        IReadOnlyList<string> problems = Validate();
        if (problems.Count > 0)
        {
            throw new SoftwireException($"invalid MAP-E rule {this}: {string.Join("; ", problems)}");
        }
    }
}
