namespace Gatewayd.Netlink.Tests.Codec;

public class AttributeTests
{
    // RTM_NEWLINK for "v0" (mtu 1500, kind veth): the base for the malformed variants below.
    private const string NewLink = """
        48 00 00 00  10 00 00 00  00 00 00 00  00 00 00 00   // nlmsghdr: len 72, RTM_NEWLINK
        00 00 01 00  05 00 00 00  43 10 01 00  00 00 00 00   // ifinfomsg: AF_UNSPEC, ARPHRD_ETHER, index 5, flags UP|BROADCAST|RUNNING|MULTICAST|LOWER_UP
        07 00 03 00  76 30 00 00                             // @32 IFLA_IFNAME "v0"
        08 00 04 00  dc 05 00 00                             // @40 IFLA_MTU 1500
        05 00 10 00  06 00 00 00                             // @48 IFLA_OPERSTATE up
        10 00 12 00                                          // @56 IFLA_LINKINFO, len 16
          09 00 01 00  76 65 74 68  00 00 00 00              //   @60 IFLA_INFO_KIND "veth"
        """;

    [Fact]
    public void LinkInfo_HandBuiltBytes_Decode()
    {
        Assert.True(LinkInfo.TryParse(HexFixture.Bytes(NewLink), out var link, out var error), error.ToString());
        Assert.Equal(
            new LinkInfo
            {
                Index = 5,
                DeviceType = 1,
                Flags = LinkFlags.Up | LinkFlags.Broadcast | LinkFlags.Running | LinkFlags.Multicast | LinkFlags.LowerUp,
                Name = "v0",
                Mtu = 1500,
                OperationalState = OperationalState.Up,
                Kind = "veth",
            },
            link);
    }

    [Fact]
    public void LinkInfo_EncodesToTheSameBytes()
    {
        var bytes = HexFixture.Bytes(NewLink);
        Assert.True(LinkInfo.TryParse(bytes, out var link, out _));

        // Our attribute order is MTU, IFNAME, LINKINFO, OPERSTATE (iproute2's), so compare by decoding.
        Assert.True(LinkInfo.TryParse(link.ToMessage(RtMessageType.NewLink, NetlinkMessageFlags.None), out var again, out _));
        Assert.Equal(link, again);
    }

    [Fact]
    public void AttributeLengthBelowFour_ReportsItsOffset()
    {
        var bytes = HexFixture.Bytes(NewLink);
        bytes[40] = 3; // IFLA_MTU rta_len 3
        Assert.False(LinkInfo.TryParse(bytes, out _, out var error));
        Assert.Equal(new NetlinkParseError(NetlinkParseErrorKind.BadAttributeLength, 40, "rta_len 3 is below 4 (type 4)"), error);
    }

    [Fact]
    public void AttributeLengthPastEnd_ReportsItsOffset()
    {
        var bytes = HexFixture.Bytes(NewLink);
        bytes[56] = 0x20; // IFLA_LINKINFO claims 32 bytes, 16 remain
        Assert.False(LinkInfo.TryParse(bytes, out _, out var error));
        Assert.Equal(new NetlinkParseError(NetlinkParseErrorKind.BadAttributeLength, 56, "rta_len 32 runs past the end (16 bytes left, type 18)"), error);
    }

    [Fact]
    public void NestedOverflow_ReportsTheInnerOffset()
    {
        var bytes = HexFixture.Bytes(NewLink);
        bytes[60] = 0x10; // IFLA_INFO_KIND claims 16 bytes inside a 12-byte nest
        Assert.False(LinkInfo.TryParse(bytes, out _, out var error));
        Assert.Equal(new NetlinkParseError(NetlinkParseErrorKind.BadAttributeLength, 60, "rta_len 16 runs past the end (12 bytes left, type 1)"), error);
    }

    [Fact]
    public void WrongPayloadSize_IsBadAttributeValue()
    {
        var bytes = HexFixture.Bytes(NewLink);
        bytes[40] = 7; // IFLA_MTU with a 3-byte payload
        Assert.False(LinkInfo.TryParse(bytes, out _, out var error));
        Assert.Equal(new NetlinkParseError(NetlinkParseErrorKind.BadAttributeValue, 40, "attribute 4: 3-byte payload, expected 4"), error);
    }

    [Fact]
    public void TruncatedFixedHeader_IsTruncatedAtTheBody()
    {
        var bytes = HexFixture.Bytes(NewLink)[..24];
        bytes[0] = 24;
        Assert.False(LinkInfo.TryParse(bytes, out _, out var error));
        Assert.Equal(new NetlinkParseError(NetlinkParseErrorKind.Truncated, 16, "8-byte body, RTM_NEWLINK needs a 16-byte header"), error);
    }

    [Fact]
    public void TruncatedNetlinkHeader_IsTruncatedAtZero()
    {
        Assert.False(RouteInfo.TryParse(new byte[15], out _, out var error));
        Assert.Equal(NetlinkParseErrorKind.Truncated, error.Kind);
        Assert.Equal(0, error.Offset);
    }

    [Fact]
    public void TrailingFragmentShorterThanAnAttributeHeader_IsTruncated()
    {
        var bytes = HexFixture.Bytes(NewLink + "\n01 02");
        bytes[0] = 74;
        Assert.False(LinkInfo.TryParse(bytes, out _, out var error));
        Assert.Equal(new NetlinkParseError(NetlinkParseErrorKind.Truncated, 72, "2 bytes left, an attribute header needs 4"), error);
    }

    [Fact]
    public void WrongMessageType_IsRejected()
    {
        Assert.False(RouteInfo.TryParse(HexFixture.Bytes(NewLink), out _, out var error));
        Assert.Equal(NetlinkParseErrorKind.UnexpectedMessageType, error.Kind);
    }

    [Fact]
    public void AddressOfWrongSizeForFamily_IsBadAttributeValue()
    {
        var bytes = HexFixture.Bytes("""
            24 00 00 00  18 00 00 00  00 00 00 00  00 00 00 00   // RTM_NEWROUTE, len 36
            02 18 00 00  fe 03 00 01  00 00 00 00                // rtmsg: AF_INET /24 main boot universe unicast
            08 00 01 00  20 01 0d b8                             // @28 RTA_DST: 4 bytes, fine for AF_INET
            """);
        Assert.True(RouteInfo.TryParse(bytes, out var route, out _));
        Assert.Equal(System.Net.IPAddress.Parse("32.1.13.184"), route.Destination);
        bytes[16] = 10; // now AF_INET6 with a 4-byte RTA_DST
        Assert.False(RouteInfo.TryParse(bytes, out _, out var error));
        Assert.Equal(new NetlinkParseError(NetlinkParseErrorKind.BadAttributeValue, 28, "attribute 1: 4-byte address for family IPv6"), error);
    }
}
