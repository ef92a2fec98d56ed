using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Gatewayd.Softwire;

/// <summary>Address arithmetic on integers: addresses are numbers here, never strings.</summary>
internal static class Ipv6Bits
{
    public static UInt128 ToUInt128(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        if (address.AddressFamily != AddressFamily.InterNetworkV6 || !address.TryWriteBytes(bytes, out int written) || written != 16)
        {
            throw new ArgumentException($"{address} is not an IPv6 address", nameof(address));
        }

        return BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }

    public static IPAddress ToIpv6Address(UInt128 value)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, value);
        return new IPAddress(bytes);
    }

    public static uint ToUInt32(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[4];
        if (address.AddressFamily != AddressFamily.InterNetwork || !address.TryWriteBytes(bytes, out int written) || written != 4)
        {
            throw new ArgumentException($"{address} is not an IPv4 address", nameof(address));
        }

        return BinaryPrimitives.ReadUInt32BigEndian(bytes);
    }

    public static IPAddress ToIpv4Address(uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return new IPAddress(bytes);
    }

    /// <summary>The network mask of a /<paramref name="length"/> IPv6 prefix.</summary>
    public static UInt128 Mask(int length) =>
        // A shift by 128 is a shift by 0 in .NET, so /0 needs its own case.
        length == 0 ? UInt128.Zero : UInt128.MaxValue << (128 - length);

    /// <summary>The network mask of a /<paramref name="length"/> IPv4 prefix.</summary>
    public static uint Mask32(int length) => length == 0 ? 0u : uint.MaxValue << (32 - length);

    /// <summary>Bits [<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>) of an address, MSB first.</summary>
    public static ulong Extract(UInt128 value, int start, int count) =>
        count == 0 ? 0UL : (ulong)((value >> (128 - start - count)) & ((UInt128.One << count) - 1));
}
