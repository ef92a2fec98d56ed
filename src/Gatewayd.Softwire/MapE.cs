using System.Net;
using System.Net.Sockets;

namespace Gatewayd.Softwire;

/// <summary>The MAP-E mapping of RFC 7597 sections 5-6, as pure arithmetic.</summary>
public static class MapE
{
    /// <summary>Computes a CE's IPv4 address, PSID, port set and CE IPv6 address from its delegated prefix and a rule.</summary>
    /// <param name="delegatedPrefix">
    /// The end-user IPv6 prefix: a delegated prefix, or the /64 of an RA-only line. It must lie inside the rule prefix and
    /// be at least p6 + o long. Prefixes longer than p6 + o still take their EA bits from bits p6..p6+o.
    /// </param>
    /// <param name="rule">The mapping rule; validated here.</param>
    /// <param name="form">The CE interface-id layout; Japanese VNEs need <see cref="InterfaceIdForm.Draft03"/>.</param>
    /// <exception cref="SoftwireException">The rule is invalid or the prefix does not fit it; the message says why.</exception>
    public static MapeResult Calculate(IPNetwork delegatedPrefix, MapRule rule, InterfaceIdForm form = InterfaceIdForm.Draft03)
    {
        ArgumentNullException.ThrowIfNull(rule);
        rule.ThrowIfInvalid();
        if (form is not (InterfaceIdForm.Draft03 or InterfaceIdForm.Rfc7597))
        {
            throw new SoftwireException($"unknown interface id form {form}");
        }

        if (delegatedPrefix.BaseAddress.AddressFamily != AddressFamily.InterNetworkV6)
        {
            throw new SoftwireException($"delegated prefix {delegatedPrefix} is not an IPv6 prefix");
        }

        int p6 = rule.Ipv6Prefix.PrefixLength;
        int o = rule.EaBitsLength;
        if (delegatedPrefix.PrefixLength < p6 || !rule.Ipv6Prefix.Contains(delegatedPrefix.BaseAddress))
        {
            throw new SoftwireException($"delegated prefix {delegatedPrefix} is not inside the rule's IPv6 prefix {rule.Ipv6Prefix}");
        }

        if (delegatedPrefix.PrefixLength < p6 + o)
        {
            throw new SoftwireException(
                $"delegated prefix {delegatedPrefix} is a /{delegatedPrefix.PrefixLength}, shorter than the /{p6 + o} the rule "
                + $"{rule.Ipv6Prefix} needs for its {o} EA bits (RFC 7597 section 5.2)");
        }

        UInt128 prefixBits = Ipv6Bits.ToUInt128(delegatedPrefix.BaseAddress);
        ulong ea = Ipv6Bits.Extract(prefixBits, p6, o);

        // RFC 7597 section 5.2: the EA bits are the IPv4 suffix followed by the PSID. With o < p (an IPv4 prefix is
        // assigned) the EA bits fill the top of the suffix and the rest of the address stays zero.
        int p = rule.Ipv4SuffixLength;
        int k = rule.PsidLength;
        uint suffix = o >= p ? (uint)(ea >> k) : (uint)(ea << (p - o));
        uint ipv4 = Ipv6Bits.ToUInt32(rule.Ipv4Prefix.BaseAddress) | suffix;
        int psid = (int)(ea & ((1UL << k) - 1));

        IReadOnlyList<PortRange> blocks = PortBlocks(rule.PsidOffset, k, psid);
        IPAddress ce = CeAddress(delegatedPrefix, ipv4, psid, form);
        return new MapeResult(
            rule,
            delegatedPrefix,
            Ipv6Bits.ToIpv4Address(ipv4),
            rule.AssignedIpv4PrefixLength,
            psid,
            k,
            ce,
            rule.BrAddress,
            blocks,
            form);
    }

    /// <summary>
    /// The port set of RFC 7597 section 5.1: for A = 1 .. 2^a - 1 the block (A &lt;&lt; (16 - a)) | (PSID &lt;&lt; m) of 2^m
    /// ports (A = 0 is excluded so the CE never gets system ports through it); with a = 0 the single block PSID * 2^m.
    /// </summary>
    internal static IReadOnlyList<PortRange> PortBlocks(int a, int k, int psid)
    {
        if (k == 0)
        {
            return [new PortRange(0, 65535)];
        }

        int m = 16 - a - k;
        int size = 1 << m;
        if (a == 0)
        {
            int start = psid << m;
            return [new PortRange(start, start + size - 1)];
        }

        var blocks = new PortRange[(1 << a) - 1];
        for (int i = 0; i < blocks.Length; i++)
        {
            int start = ((i + 1) << (16 - a)) | (psid << m);
            blocks[i] = new PortRange(start, start + size - 1);
        }

        return Array.AsReadOnly(blocks);
    }

    /// <summary>
    /// RFC 7597 section 6: the first /64 of the end-user prefix plus the interface id. If the prefix is longer than /64 its
    /// bits overwrite the top of the interface id, as the RFC says.
    /// </summary>
    internal static IPAddress CeAddress(IPNetwork delegatedPrefix, uint ipv4, int psid, InterfaceIdForm form)
    {
        UInt128 prefix = Ipv6Bits.ToUInt128(delegatedPrefix.BaseAddress);
        UInt128 iid = InterfaceId(ipv4, psid, form);
        UInt128 prefixMask = Ipv6Bits.Mask(Math.Max(64, delegatedPrefix.PrefixLength));
        return Ipv6Bits.ToIpv6Address((prefix & prefixMask) | (iid & ~prefixMask));
    }

    /// <summary>The 64-bit interface id for an IPv4 address (or prefix, zero-padded) and a right-aligned 16-bit PSID.</summary>
    internal static ulong InterfaceId(uint ipv4, int psid, InterfaceIdForm form) =>
        form == InterfaceIdForm.Rfc7597
            ? ((ulong)ipv4 << 16) | (ushort)psid
            : ((ulong)ipv4 << 24) | ((ulong)(ushort)psid << 8);
}
