namespace Gatewayd.Netlink.Uapi;

/// <summary>Wire numbers from <c>linux/rtnetlink.h</c>.</summary>
internal static class RtnetlinkConstants
{
    public const ushort RtmNewLink = 16;  // RTM_NEWLINK
    public const ushort RtmDelLink = 17;  // RTM_DELLINK
    public const ushort RtmGetLink = 18;  // RTM_GETLINK
    public const ushort RtmNewAddr = 20;  // RTM_NEWADDR
    public const ushort RtmDelAddr = 21;  // RTM_DELADDR
    public const ushort RtmGetAddr = 22;  // RTM_GETADDR
    public const ushort RtmNewRoute = 24; // RTM_NEWROUTE
    public const ushort RtmDelRoute = 25; // RTM_DELROUTE
    public const ushort RtmGetRoute = 26; // RTM_GETROUTE
    public const ushort RtmNewRule = 32;  // RTM_NEWRULE
    public const ushort RtmDelRule = 33;  // RTM_DELRULE
    public const ushort RtmGetRule = 34;  // RTM_GETRULE

    public const int RtmsgLength = 12;    // sizeof(struct rtmsg)

    public const ushort RtaDst = 1;        // RTA_DST
    public const ushort RtaSrc = 2;        // RTA_SRC
    public const ushort RtaOif = 4;        // RTA_OIF
    public const ushort RtaGateway = 5;    // RTA_GATEWAY
    public const ushort RtaPriority = 6;   // RTA_PRIORITY
    public const ushort RtaPrefsrc = 7;    // RTA_PREFSRC
    public const ushort RtaCacheinfo = 12; // RTA_CACHEINFO (struct rta_cacheinfo; rta_expires in clock_t)
    public const ushort RtaTable = 15;     // RTA_TABLE
    public const ushort RtaPref = 20;      // RTA_PREF (RFC 4191 router preference)
    public const ushort RtaExpires = 23;   // RTA_EXPIRES (u32 seconds, IPv6 only)

    public const int RtaCacheinfoLength = 32;   // sizeof(struct rta_cacheinfo)
    public const int RtaCacheinfoExpiresOffset = 8; // offsetof(struct rta_cacheinfo, rta_expires)
    public const int UserHz = 100;              // clock_t ticks per second as reported to user space (USER_HZ)

    public const byte RtTableCompat = 252; // RT_TABLE_COMPAT: rtm_table when the real table id is in RTA_TABLE
    public const byte RtTableMain = 254;   // RT_TABLE_MAIN

    public const byte RtprotBoot = 3;      // RTPROT_BOOT, what `ip route add` uses by default

    public const uint RtmgrpLink = 0x1;         // RTMGRP_LINK
    public const uint RtmgrpIpv4Ifaddr = 0x10;  // RTMGRP_IPV4_IFADDR
    public const uint RtmgrpIpv4Route = 0x40;   // RTMGRP_IPV4_ROUTE
    public const uint RtmgrpIpv6Ifaddr = 0x100; // RTMGRP_IPV6_IFADDR
    public const uint RtmgrpIpv6Route = 0x400;  // RTMGRP_IPV6_ROUTE
    public const int RtnlgrpIpv4Rule = 8;       // RTNLGRP_IPV4_RULE
    public const int RtnlgrpIpv6Rule = 19;      // RTNLGRP_IPV6_RULE
}
