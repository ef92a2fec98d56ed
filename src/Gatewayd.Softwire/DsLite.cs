using System.Net;
using System.Net.Sockets;

namespace Gatewayd.Softwire;

/// <summary>DS-Lite B4 addressing (RFC 6333). The AFTR does the NAT, so the CE does none.</summary>
public static class DsLite
{
    // RFC 6333 section 5.7: 192.0.0.0/29 is reserved for the B4-AFTR link; the AFTR takes .1, the B4 takes .2.
    private static readonly IPAddress B4TunnelAddress = IPAddress.Parse("192.0.0.2");
    private static readonly IPAddress AftrTunnelAddress = IPAddress.Parse("192.0.0.1");
    private const int TunnelPrefixLength = 29;

    /// <summary>Computes the B4 address and classifies the AFTR.</summary>
    /// <param name="delegatedPrefix">The delegated prefix, or null on an RA-only (/64, no PD) line.</param>
    /// <param name="wanGlobalAddress">The WAN interface's global address; used only when there is no delegated prefix.</param>
    /// <param name="aftr">The AFTR as an IPv6 address or a DNS name (e.g. "gw.transix.jp").</param>
    /// <returns>
    /// With a prefix, B4 = ::1 of its subnet 0 (a /128 to add without DAD); without one, B4 = the WAN address itself.
    /// </returns>
    /// <exception cref="SoftwireException">An argument is missing, of the wrong family or malformed; the message says which.</exception>
    public static DsLiteResult Calculate(IPNetwork? delegatedPrefix, IPAddress? wanGlobalAddress, string aftr)
    {
        (IPAddress? aftrAddress, string? aftrName) = ParseAftr(aftr);
        IPAddress b4;
        bool b4IsWan;
        if (delegatedPrefix is { } prefix)
        {
            if (prefix.BaseAddress.AddressFamily != AddressFamily.InterNetworkV6 || prefix.PrefixLength > 64)
            {
                throw new SoftwireException($"delegated prefix {prefix} must be an IPv6 prefix of /64 or shorter");
            }

            b4 = Ipv6Bits.ToIpv6Address((Ipv6Bits.ToUInt128(prefix.BaseAddress) & Ipv6Bits.Mask(64)) | UInt128.One);
            b4IsWan = false;
        }
        else if (wanGlobalAddress is not null)
        {
            if (!IsGlobalUnicastV6(wanGlobalAddress))
            {
                throw new SoftwireException($"WAN address {wanGlobalAddress} is not a global IPv6 unicast address and cannot be the B4 address");
            }

            b4 = wanGlobalAddress;
            b4IsWan = true;
        }
        else
        {
            throw new SoftwireException("DS-Lite needs a delegated prefix or a global WAN IPv6 address for the B4; neither was given");
        }

        return new DsLiteResult(b4, b4IsWan, aftrAddress, aftrName, B4TunnelAddress, TunnelPrefixLength, AftrTunnelAddress);
    }

    /// <summary>Null when <paramref name="aftr"/> is a usable AFTR (global IPv6 address or DNS name), otherwise why not.</summary>
    public static string? AftrProblem(string aftr)
    {
        try
        {
            _ = ParseAftr(aftr);
            return null;
        }
        catch (SoftwireException e)
        {
            return e.Message;
        }
    }

    private static (IPAddress? Address, string? Name) ParseAftr(string aftr)
    {
        if (string.IsNullOrWhiteSpace(aftr))
        {
            throw new SoftwireException("AFTR is empty; give its IPv6 address or DNS name (e.g. gw.transix.jp)");
        }

        string text = aftr.Trim();
        if (text.Contains(':', StringComparison.Ordinal))
        {
            if (!PrefixText.TryParseAddress(text, AddressFamily.InterNetworkV6, out IPAddress? address, out string? error))
            {
                throw new SoftwireException($"AFTR {error}");
            }

            if (!IsGlobalUnicastV6(address))
            {
                throw new SoftwireException($"AFTR address {address} is not a global IPv6 unicast address");
            }

            return (address, null);
        }

        if (!DnsName.TryValidate(text, out string? reason))
        {
            throw new SoftwireException($"AFTR '{text}' is neither an IPv6 address nor a valid DNS name: {reason}");
        }

        return (null, text.TrimEnd('.').ToLowerInvariant());
    }

    private static bool IsGlobalUnicastV6(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6
        && !address.IsIPv6LinkLocal
        && !address.IsIPv6SiteLocal
        && !address.IsIPv6Multicast
        && !address.IsIPv4MappedToIPv6
        && !address.Equals(IPAddress.IPv6Any)
        && !address.Equals(IPAddress.IPv6Loopback);
}
