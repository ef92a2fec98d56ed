using System.Buffers.Binary;
using System.Net;
using System.Runtime.Versioning;
using Xunit;

namespace Gatewayd.Ndp.Tests;

[SupportedOSPlatform("linux")]
public sealed class RaSocketTests
{
    [Fact]
    public void Filter_blocks_everything_but_router_advertisements()
    {
        byte[] filter = RaSocket.RouterAdvertisementFilter();

        Assert.Equal(32, filter.Length);
        for (int type = 0; type < 256; type++)
        {
            // Linux: a set bit blocks (icmpv6_filter() in net/ipv6/raw.c).
            uint word = BitConverter.ToUInt32(filter, (type >> 5) * 4);
            bool blocked = (word & (1u << (type & 31))) != 0;
            Assert.Equal(type != 134, blocked);
        }
    }

    [Fact]
    public void Control_messages_yield_hop_limit_destination_and_interface()
    {
        // Two cmsgs as Linux lays them out on a 64-bit host: {cmsg_len(8) level(4) type(4) data, padded to 8}.
        byte[] control = new byte[40 + 24];
        Span<byte> pktinfo = control;
        BinaryPrimitives.WriteUInt64LittleEndian(pktinfo, 16 + 20);      // cmsg_len
        BinaryPrimitives.WriteInt32LittleEndian(pktinfo[8..], 41);        // IPPROTO_IPV6
        BinaryPrimitives.WriteInt32LittleEndian(pktinfo[12..], 50);       // IPV6_PKTINFO
        IPAddress.Parse("fe80::2").TryWriteBytes(pktinfo[16..], out _);    // ipi6_addr
        BinaryPrimitives.WriteInt32LittleEndian(pktinfo[32..], 5);        // ipi6_ifindex
        Span<byte> hop = control.AsSpan(40);
        BinaryPrimitives.WriteUInt64LittleEndian(hop, 16 + 4);
        BinaryPrimitives.WriteInt32LittleEndian(hop[8..], 41);
        BinaryPrimitives.WriteInt32LittleEndian(hop[12..], 52);           // IPV6_HOPLIMIT
        BinaryPrimitives.WriteInt32LittleEndian(hop[16..], 255);

        Assert.Equal(8, IntPtr.Size); // the layout above is the LP64 one (x86_64, arm64)
        (IPAddress? destination, int? hopLimit, int index) = RaSocket.ParseControl(control);

        Assert.Equal(255, hopLimit);
        Assert.Equal(5, index);
        Assert.Equal(new IPAddress(IPAddress.Parse("fe80::2").GetAddressBytes(), 5), destination);
    }

    [Fact]
    public void Truncated_control_message_is_ignored()
    {
        byte[] control = new byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(control, 200);

        Assert.Equal((null, null, 0), RaSocket.ParseControl(control));
    }
}
