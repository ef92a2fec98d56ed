using System.Buffers.Binary;
using System.Net;

namespace Gatewayd.Planning;

/// <summary>The /64s inside a delegated prefix, numbered by subnet id (RFC 7084 L-2: one /64 per LAN).</summary>
internal static class SubnetPrefix
{
    public static int MaxSubnetId(IPNetwork prefix) =>
        prefix.PrefixLength > 64 ? -1 : (int)Math.Min(0xffff, (1UL << (64 - prefix.PrefixLength)) - 1);

    /// <summary>The /64 numbered <paramref name="subnetId"/>, or null when the id needs more bits than the prefix leaves.</summary>
    public static IPNetwork? Of(IPNetwork prefix, int subnetId)
    {
        if (subnetId < 0 || subnetId > MaxSubnetId(prefix))
            return null;
        Span<byte> b = stackalloc byte[16];
        prefix.BaseAddress.TryWriteBytes(b, out _);
        var high = BinaryPrimitives.ReadUInt64BigEndian(b) | (uint)subnetId;
        BinaryPrimitives.WriteUInt64BigEndian(b, high);
        b[8..].Clear();
        return new IPNetwork(new IPAddress(b), 64);
    }

    public static IPAddress WithInterfaceId(IPNetwork subnet, ulong interfaceId)
    {
        Span<byte> b = stackalloc byte[16];
        subnet.BaseAddress.TryWriteBytes(b, out _);
        BinaryPrimitives.WriteUInt64BigEndian(b[8..], interfaceId);
        return new IPAddress(b);
    }
}
