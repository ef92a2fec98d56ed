using Xunit;

namespace Gatewayd.Dhcp6.Tests;

/// <summary>
/// DHCPv6 messages captured on the wire between dhcpcd 9.4.1 (client, "CE") and kea-dhcp6 2.2.0 (server, "NGN") in two
/// network namespaces joined by a veth pair; see <c>Captured/capture.sh</c>, which wrote <c>Captured/*.hex</c> and
/// <c>Captured/capture.pcap</c>. The three annotated arrays below are copies of three of those files, broken down by hand.
/// </summary>
internal static class CapturedVectors
{
    /// <summary>The capture in wire order: Solicit/Advertise, Request/Reply, two Renew/Reply, Rebind/Reply, Release/Reply.</summary>
    internal static readonly string[] Files =
    [
        "01-solicit", "02-advertise", "03-request", "04-reply", "05-renew", "06-reply",
        "07-renew", "08-reply", "09-rebind", "10-reply", "11-release", "12-reply",
    ];

    /// <summary>MAC of the CE's WAN veth (fixed by capture.sh); dhcpcd's DUID-LL carries it.</summary>
    internal static readonly byte[] CeMac = [0x02, 0x00, 0x00, 0x00, 0xce, 0x01];

    /// <summary>MAC of the NGN's veth (fixed by capture.sh); kea built its DUID-LLT from it.</summary>
    internal static readonly byte[] NgnMac = [0x02, 0x00, 0x00, 0x00, 0x47, 0x01];

    /// <summary>Time field of kea's DUID-LLT (seconds since 2000-01-01 UTC): when kea started for this capture.</summary>
    internal const uint KeaDuidTime = 0x32962306;

    /// <summary>Reads one captured UDP payload: hex lines, '#' lines are comments.</summary>
    internal static byte[] Load(string name)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Captured", name + ".hex");
        IEnumerable<string> hex = File.ReadLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'));
        return Convert.FromHexString(string.Concat(hex));
    }

    internal static Dhcp6Message Parse(string name)
    {
        byte[] wire = Load(name);
        Assert.True(Dhcp6Message.TryParse(wire, out Dhcp6Message? message, out Dhcp6ParseError? error), $"{name}: {error}");
        return message;
    }

    /// <summary>01-solicit.hex: dhcpcd's Solicit. No IA_NA, an IA_PD with T1 = T2 = 0 and no IAPREFIX hint.</summary>
    internal static readonly byte[] Solicit =
    [
        /* msg-type Solicit */ 0x01, /* transaction-id */ 0xf5, 0xf6, 0x4b,
        /* CLIENTID */ 0x00, 0x01, /* len 10 */ 0x00, 0x0a,
        /* DUID-LL */ 0x00, 0x03, /* hw Ethernet */ 0x00, 0x01, /* MAC 02:00:00:00:ce:01 */ 0x02, 0x00, 0x00, 0x00, 0xce, 0x01,
        /* IA_PD */ 0x00, 0x19, /* len 12 */ 0x00, 0x0c,
        /* IAID 1 */ 0x00, 0x00, 0x00, 0x01, /* T1 0 */ 0x00, 0x00, 0x00, 0x00, /* T2 0 */ 0x00, 0x00, 0x00, 0x00,
        /* ORO */ 0x00, 0x06, /* len 10 */ 0x00, 0x0a,
        /* DNS_SERVERS */ 0x00, 0x17, /* DOMAIN_LIST */ 0x00, 0x18, /* CLIENT_FQDN */ 0x00, 0x27,
        /* SOL_MAX_RT */ 0x00, 0x52, /* INF_MAX_RT */ 0x00, 0x53,
        /* ELAPSED_TIME */ 0x00, 0x08, /* len 2 */ 0x00, 0x02, /* 0 */ 0x00, 0x00,
    ];

    /// <summary>04-reply.hex: kea's Reply to the Request, the lease itself.</summary>
    internal static readonly byte[] Reply =
    [
        /* msg-type Reply */ 0x07, /* transaction-id (the Request's) */ 0xc7, 0xe5, 0xf8,
        /* CLIENTID */ 0x00, 0x01, /* len 10 */ 0x00, 0x0a,
        /* DUID-LL */ 0x00, 0x03, /* hw Ethernet */ 0x00, 0x01, /* MAC 02:00:00:00:ce:01 */ 0x02, 0x00, 0x00, 0x00, 0xce, 0x01,
        /* SERVERID */ 0x00, 0x02, /* len 14 */ 0x00, 0x0e,
        /* DUID-LLT */ 0x00, 0x01, /* hw Ethernet */ 0x00, 0x01, /* time */ 0x32, 0x96, 0x23, 0x06,
        /* MAC 02:00:00:00:47:01 */ 0x02, 0x00, 0x00, 0x00, 0x47, 0x01,
        /* DNS_SERVERS */ 0x00, 0x17, /* len 16 */ 0x00, 0x10,
        /* 2400:4050:5c71::53 */ 0x24, 0x00, 0x40, 0x50, 0x5c, 0x71, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x53,
        /* DOMAIN_LIST */ 0x00, 0x18, /* len 12 */ 0x00, 0x0c,
        /* "example.jp." */ 0x07, (byte)'e', (byte)'x', (byte)'a', (byte)'m', (byte)'p', (byte)'l', (byte)'e', 0x02, (byte)'j', (byte)'p', 0x00,
        /* IA_PD */ 0x00, 0x19, /* len 41 */ 0x00, 0x29,
        /* IAID 1 */ 0x00, 0x00, 0x00, 0x01, /* T1 4 */ 0x00, 0x00, 0x00, 0x04, /* T2 6 */ 0x00, 0x00, 0x00, 0x06,
        /* IAPREFIX */ 0x00, 0x1a, /* len 25 */ 0x00, 0x19,
        /* preferred 8 */ 0x00, 0x00, 0x00, 0x08, /* valid 10 */ 0x00, 0x00, 0x00, 0x0a, /* prefix-len 56 */ 0x38,
        /* 2400:4050:5c71:af00:: */ 0x24, 0x00, 0x40, 0x50, 0x5c, 0x71, 0xaf, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        /* AFTR_NAME (not in the ORO: always-send) */ 0x00, 0x40, /* len 15 */ 0x00, 0x0f,
        /* "gw.example.jp." */ 0x02, (byte)'g', (byte)'w',
        0x07, (byte)'e', (byte)'x', (byte)'a', (byte)'m', (byte)'p', (byte)'l', (byte)'e', 0x02, (byte)'j', (byte)'p', 0x00,
    ];

    /// <summary>
    /// 05-renew.hex: dhcpcd's first Renew. T1 and T2 are ZERO (what NTT NGN gear is reported to refuse); the IAPREFIX
    /// lifetimes are not zero but echo the lease (8/10).
    /// </summary>
    internal static readonly byte[] Renew =
    [
        /* msg-type Renew */ 0x05, /* transaction-id */ 0x10, 0x5d, 0x8f,
        /* CLIENTID */ 0x00, 0x01, /* len 10 */ 0x00, 0x0a,
        /* DUID-LL */ 0x00, 0x03, /* hw Ethernet */ 0x00, 0x01, /* MAC 02:00:00:00:ce:01 */ 0x02, 0x00, 0x00, 0x00, 0xce, 0x01,
        /* SERVERID */ 0x00, 0x02, /* len 14 */ 0x00, 0x0e,
        /* DUID-LLT */ 0x00, 0x01, /* hw Ethernet */ 0x00, 0x01, /* time */ 0x32, 0x96, 0x23, 0x06,
        /* MAC 02:00:00:00:47:01 */ 0x02, 0x00, 0x00, 0x00, 0x47, 0x01,
        /* IA_PD */ 0x00, 0x19, /* len 41 */ 0x00, 0x29,
        /* IAID 1 */ 0x00, 0x00, 0x00, 0x01, /* T1 0 */ 0x00, 0x00, 0x00, 0x00, /* T2 0 */ 0x00, 0x00, 0x00, 0x00,
        /* IAPREFIX */ 0x00, 0x1a, /* len 25 */ 0x00, 0x19,
        /* preferred 8 */ 0x00, 0x00, 0x00, 0x08, /* valid 10 */ 0x00, 0x00, 0x00, 0x0a, /* prefix-len 56 */ 0x38,
        /* 2400:4050:5c71:af00:: */ 0x24, 0x00, 0x40, 0x50, 0x5c, 0x71, 0xaf, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        /* ORO */ 0x00, 0x06, /* len 10 */ 0x00, 0x0a,
        /* DNS_SERVERS */ 0x00, 0x17, /* DOMAIN_LIST */ 0x00, 0x18, /* CLIENT_FQDN */ 0x00, 0x27,
        /* SOL_MAX_RT */ 0x00, 0x52, /* INF_MAX_RT */ 0x00, 0x53,
        /* ELAPSED_TIME */ 0x00, 0x08, /* len 2 */ 0x00, 0x02, /* 0 */ 0x00, 0x00,
    ];
}
