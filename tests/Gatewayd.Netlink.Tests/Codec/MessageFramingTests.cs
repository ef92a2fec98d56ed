namespace Gatewayd.Netlink.Tests.Codec;

public class MessageFramingTests
{
    // Two messages in one datagram: an RTM_NEWLINK with a 5-byte payload (padded to 24) and an NLMSG_DONE.
    private static readonly byte[] TwoMessages = HexFixture.Bytes("""
        15 00 00 00  10 00 02 00  07 00 00 00  99 00 00 00   // nlmsghdr: len 21, RTM_NEWLINK, NLM_F_MULTI, seq 7, pid 0x99
        aa bb cc dd  ee 00 00 00                             // 5 payload bytes + 3 padding
        14 00 00 00  03 00 02 00  07 00 00 00  99 00 00 00   // nlmsghdr: len 20, NLMSG_DONE, NLM_F_MULTI
        00 00 00 00                                          // int error = 0
        """);

    [Fact]
    public void Reader_SplitsPaddedMessages()
    {
        var reader = new NetlinkMessageReader(TwoMessages);
        Assert.True(reader.TryReadNext(out var first, out var firstBytes));
        Assert.Equal(new NetlinkHeader(21, 16, NetlinkMessageFlags.Multi, 7, 0x99), first);
        Assert.Equal(21, firstBytes.Length);
        Assert.True(reader.TryReadNext(out var done, out _));
        Assert.Equal((ushort)3, done.Type);
        Assert.False(reader.TryReadNext(out _, out _));
        Assert.Null(reader.Error);
    }

    [Fact]
    public void Header_WritesWhatItReads()
    {
        var header = new NetlinkHeader(21, 16, NetlinkMessageFlags.Multi, 7, 0x99);
        var bytes = new byte[16];
        header.WriteTo(bytes);
        Assert.Equal(TwoMessages[..16], bytes);
    }

    [Fact]
    public void Reader_TruncatedHeader_ReportsOffsetOfTheFragment()
    {
        var datagram = TwoMessages[..(24 + 10)];
        var reader = new NetlinkMessageReader(datagram);
        Assert.True(reader.TryReadNext(out _, out _));
        Assert.False(reader.TryReadNext(out _, out _));
        Assert.Equal(new NetlinkParseError(NetlinkParseErrorKind.Truncated, 24, "10 bytes left, a netlink header needs 16"), reader.Error);
    }

    [Fact]
    public void Reader_LengthBelowHeader_IsBadMessageLength()
    {
        var datagram = HexFixture.Bytes("08 00 00 00  10 00 00 00  00 00 00 00  00 00 00 00");
        var reader = new NetlinkMessageReader(datagram);
        Assert.False(reader.TryReadNext(out _, out _));
        Assert.Equal(NetlinkParseErrorKind.BadMessageLength, reader.Error!.Value.Kind);
        Assert.Equal(0, reader.Error!.Value.Offset);
    }

    [Fact]
    public void Reader_LengthPastEnd_IsBadMessageLength()
    {
        var datagram = (byte[])TwoMessages.Clone();
        datagram[24] = 0x40; // NLMSG_DONE claims 64 bytes, 20 remain
        var reader = new NetlinkMessageReader(datagram);
        Assert.True(reader.TryReadNext(out _, out _));
        Assert.False(reader.TryReadNext(out _, out _));
        Assert.Equal(new NetlinkParseError(NetlinkParseErrorKind.BadMessageLength, 24, "nlmsg_len 64 with 20 bytes left"), reader.Error);
    }

    [Fact]
    public void Writer_PadsAttributesAndNests()
    {
        var writer = new NetlinkWriter(16, NetlinkMessageFlags.Request | NetlinkMessageFlags.Ack, 5);
        writer.Reserve(3)[0] = 0xaa;
        var nest = writer.BeginNested(18, setNestedFlag: true);
        writer.WriteString(1, "ab");
        writer.WriteU8(2, 7);
        writer.EndNested(nest);
        writer.WriteU16(3, 0x1234);
        var expected = HexFixture.Bytes("""
            30 00 00 00  10 00 05 00  05 00 00 00  00 00 00 00   // len 48, RTM_NEWLINK, REQUEST|ACK, seq 5
            aa 00 00 00                                          // 3-byte fixed header + 1 padding
            14 00 12 80                                          // nested type 18 | NLA_F_NESTED, len 20
              07 00 01 00  61 62 00 00                           //   "ab\0" + 1 padding
              05 00 02 00  07 00 00 00                           //   u8 7 + 3 padding
            06 00 03 00  34 12 00 00                             // u16 0x1234 + 2 padding
            """);
        Assert.Equal(expected, writer.ToArray());
    }
}
