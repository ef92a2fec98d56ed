namespace Gatewayd.Netlink;

/// <summary>A <c>struct nlmsghdr</c> (linux/netlink.h): 16 bytes in host byte order.</summary>
/// <param name="Length"><c>nlmsg_len</c>: header plus payload, unpadded.</param>
/// <param name="Type"><c>nlmsg_type</c>: <c>NLMSG_*</c> or <c>RTM_*</c>.</param>
/// <param name="Flags"><c>nlmsg_flags</c>.</param>
/// <param name="Sequence"><c>nlmsg_seq</c>: echoed by the kernel in replies.</param>
/// <param name="PortId"><c>nlmsg_pid</c>: the sender's port id (0 for the kernel).</param>
public readonly record struct NetlinkHeader(uint Length, ushort Type, NetlinkMessageFlags Flags, uint Sequence, uint PortId)
{
    /// <summary>The size of <c>struct nlmsghdr</c>.</summary>
    public const int Size = 16;

    /// <summary>Reads a header from the first 16 bytes of <paramref name="bytes"/>.</summary>
    /// <param name="bytes">At least 16 bytes.</param>
    /// <param name="header">The header read.</param>
    /// <returns>False when fewer than 16 bytes were given.</returns>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out NetlinkHeader header)
    {
        if (bytes.Length < Size)
        {
            header = default;
            return false;
        }

        header = new NetlinkHeader(
            HostOrder.U32(bytes),
            HostOrder.U16(bytes[4..]),
            (NetlinkMessageFlags)HostOrder.U16(bytes[6..]),
            HostOrder.U32(bytes[8..]),
            HostOrder.U32(bytes[12..]));
        return true;
    }

    /// <summary>Writes the header into the first 16 bytes of <paramref name="destination"/>.</summary>
    /// <param name="destination">At least 16 bytes.</param>
    public void WriteTo(Span<byte> destination)
    {
        HostOrder.Write(destination, Length);
        HostOrder.Write(destination[4..], Type);
        HostOrder.Write(destination[6..], (ushort)Flags);
        HostOrder.Write(destination[8..], Sequence);
        HostOrder.Write(destination[12..], PortId);
    }
}
