using System.Net;
using System.Net.Sockets;

namespace Gatewayd.Softwire;

/// <summary>
/// Fixed-IPv4 IPIP6 service ("v6plus 固定IP" and its kin): the provider hands out an IPv4 address, a BR and a 64-bit
/// interface id; the CE address is subnet 0 of the delegated prefix with that interface id. No MAP arithmetic.
/// </summary>
public static class FixedIpv4
{
    /// <summary>True when <paramref name="interfaceId"/> is a usable contract interface id: IPv6, upper 64 bits zero, not all zero.</summary>
    public static bool IsInterfaceId(IPAddress interfaceId)
    {
        ArgumentNullException.ThrowIfNull(interfaceId);
        if (interfaceId.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        UInt128 iid = Ipv6Bits.ToUInt128(interfaceId);
        return iid >> 64 == 0 && iid != 0;
    }

    /// <summary>Computes the tunnel addresses.</summary>
    /// <param name="delegatedPrefix">The end-user IPv6 prefix (/64 or shorter).</param>
    /// <param name="interfaceId">The contract's interface id written as an IPv6 address with the upper 64 bits zero, e.g. "::1:2:3:4".</param>
    /// <param name="ipv4Address">The contract's IPv4 address.</param>
    /// <param name="brAddress">The provider's BR IPv6 address.</param>
    /// <exception cref="SoftwireException">An argument is of the wrong family or shape; the message says which and why.</exception>
    public static FixedIpv4Result Calculate(IPNetwork delegatedPrefix, IPAddress interfaceId, IPAddress ipv4Address, IPAddress brAddress)
    {
        ArgumentNullException.ThrowIfNull(interfaceId);
        ArgumentNullException.ThrowIfNull(ipv4Address);
        ArgumentNullException.ThrowIfNull(brAddress);
        if (delegatedPrefix.BaseAddress.AddressFamily != AddressFamily.InterNetworkV6 || delegatedPrefix.PrefixLength > 64)
        {
            throw new SoftwireException($"delegated prefix {delegatedPrefix} must be an IPv6 prefix of /64 or shorter");
        }

        if (interfaceId.AddressFamily != AddressFamily.InterNetworkV6)
        {
            throw new SoftwireException($"interface id {interfaceId} must be written as an IPv6 address like ::1:2:3:4");
        }

        UInt128 iid = Ipv6Bits.ToUInt128(interfaceId);
        if (iid >> 64 != 0)
        {
            throw new SoftwireException(
                $"interface id {interfaceId} has bits set in its upper 64 bits; it must be a 64-bit id written like ::1:2:3:4");
        }

        if (iid == 0)
        {
            // RFC 4291 section 2.6.1: an all-zero interface id is the Subnet-Router anycast address.
            throw new SoftwireException("interface id :: is all zeros; expected the contract's 64-bit id, like ::1:2:3:4");
        }

        if (ipv4Address.AddressFamily != AddressFamily.InterNetwork)
        {
            throw new SoftwireException($"fixed IPv4 address {ipv4Address} is not an IPv4 address");
        }

        if (brAddress.AddressFamily != AddressFamily.InterNetworkV6 || brAddress.IsIPv6Multicast || brAddress.Equals(IPAddress.IPv6Any))
        {
            throw new SoftwireException($"BR address {brAddress} must be a unicast IPv6 address");
        }

        UInt128 subnet0 = Ipv6Bits.ToUInt128(delegatedPrefix.BaseAddress) & Ipv6Bits.Mask(64);
        return new FixedIpv4Result(delegatedPrefix, Ipv6Bits.ToIpv6Address(subnet0 | iid), ipv4Address, brAddress);
    }
}
