namespace Gatewayd.Netlink.Uapi;

/// <summary>Wire numbers from <c>linux/netlink.h</c> and <c>linux/socket.h</c>.</summary>
internal static class NetlinkConstants
{
    public const int AfNetlink = 16;          // linux/socket.h AF_NETLINK
    public const int NetlinkRoute = 0;        // linux/netlink.h NETLINK_ROUTE
    public const int SolNetlink = 270;        // linux/socket.h SOL_NETLINK
    public const int SolSocket = 1;           // asm-generic/socket.h SOL_SOCKET
    public const int SoRcvbuf = 8;            // asm-generic/socket.h SO_RCVBUF
    public const int SoRcvbufForce = 33;      // asm-generic/socket.h SO_RCVBUFFORCE (root: ignores rmem_max)

    public const int NetlinkAddMembership = 1;  // linux/netlink.h NETLINK_ADD_MEMBERSHIP
    public const int NetlinkExtAck = 11;        // linux/netlink.h NETLINK_EXT_ACK
    public const int NetlinkGetStrictChk = 12;  // linux/netlink.h NETLINK_GET_STRICT_CHK

    public const int HeaderLength = 16;       // linux/netlink.h sizeof(struct nlmsghdr)
    public const int AttributeHeaderLength = 4; // linux/netlink.h sizeof(struct nlattr) / linux/rtnetlink.h sizeof(struct rtattr)
    public const int Alignment = 4;           // linux/netlink.h NLMSG_ALIGNTO, NLA_ALIGNTO

    public const ushort NlmsgNoop = 1;        // linux/netlink.h NLMSG_NOOP
    public const ushort NlmsgError = 2;       // linux/netlink.h NLMSG_ERROR
    public const ushort NlmsgDone = 3;        // linux/netlink.h NLMSG_DONE
    public const ushort NlmsgOverrun = 4;     // linux/netlink.h NLMSG_OVERRUN

    public const ushort NlaFNested = 0x8000;       // linux/netlink.h NLA_F_NESTED
    public const ushort NlaFNetByteorder = 0x4000; // linux/netlink.h NLA_F_NET_BYTEORDER
    public const ushort NlaTypeMask = 0x3fff;      // linux/netlink.h NLA_TYPE_MASK

    public const ushort NlmsgerrAttrMsg = 1;  // linux/netlink.h NLMSGERR_ATTR_MSG
    public const ushort NlmsgerrAttrOffs = 2; // linux/netlink.h NLMSGERR_ATTR_OFFS
}
