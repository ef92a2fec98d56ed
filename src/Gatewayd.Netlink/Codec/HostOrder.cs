using System.Runtime.InteropServices;

namespace Gatewayd.Netlink;

/// <summary>Netlink integers are in host byte order (addresses and ports inside attributes are in network order, as raw bytes).</summary>
internal static class HostOrder
{
    public static ushort U16(ReadOnlySpan<byte> b) => MemoryMarshal.Read<ushort>(b);

    public static uint U32(ReadOnlySpan<byte> b) => MemoryMarshal.Read<uint>(b);

    public static int I32(ReadOnlySpan<byte> b) => MemoryMarshal.Read<int>(b);

    public static void Write(Span<byte> b, ushort value) => MemoryMarshal.Write(b, in value);

    public static void Write(Span<byte> b, uint value) => MemoryMarshal.Write(b, in value);

    public static void Write(Span<byte> b, int value) => MemoryMarshal.Write(b, in value);

    public static int Align(int length) => (length + 3) & ~3;
}
