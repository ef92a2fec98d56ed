namespace Gatewayd.Dhcp6.Tests;

/// <summary>Hand-built wire vectors (RFC 8415 section 21 layouts), each option annotated field by field.</summary>
internal static class Vectors
{
    internal static readonly byte[] ClientId =
    [
        /* CLIENTID */ 0x00, 0x01, /* len 10 */ 0x00, 0x0a,
        /* DUID-LL */ 0x00, 0x03, /* hw Ethernet */ 0x00, 0x01, /* MAC 00:11:22:33:44:55 */ 0x00, 0x11, 0x22, 0x33, 0x44, 0x55,
    ];

    internal static readonly byte[] ServerIdLlt =
    [
        /* SERVERID */ 0x00, 0x02, /* len 14 */ 0x00, 0x0e,
        /* DUID-LLT */ 0x00, 0x01, /* hw Ethernet */ 0x00, 0x01, /* time */ 0x2c, 0x3d, 0x4e, 0x5f,
        /* MAC 52:54:00:ab:cd:ef */ 0x52, 0x54, 0x00, 0xab, 0xcd, 0xef,
    ];

    /// <summary>IA_PD, IAID 1, T1 = T2 = 0, with a ::/56 hint (lifetimes 0), as an NGN Solicit sends it.</summary>
    internal static readonly byte[] IaPdHint =
    [
        /* IA_PD */ 0x00, 0x19, /* len 41 */ 0x00, 0x29,
        /* IAID */ 0x00, 0x00, 0x00, 0x01, /* T1 */ 0x00, 0x00, 0x00, 0x00, /* T2 */ 0x00, 0x00, 0x00, 0x00,
        /* IAPREFIX */ 0x00, 0x1a, /* len 25 */ 0x00, 0x19,
        /* preferred */ 0x00, 0x00, 0x00, 0x00, /* valid */ 0x00, 0x00, 0x00, 0x00, /* prefix-len 56 */ 0x38,
        /* :: */ 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    ];

    /// <summary>IA_PD as FLET'S Cross hands it out: T1 7200, T2 10800, 2400:4050:5c71:af00::/56 pref 12600 valid 14400.</summary>
    internal static readonly byte[] IaPdLease =
    [
        /* IA_PD */ 0x00, 0x19, /* len 41 */ 0x00, 0x29,
        /* IAID */ 0x00, 0x00, 0x00, 0x01, /* T1 7200 */ 0x00, 0x00, 0x1c, 0x20, /* T2 10800 */ 0x00, 0x00, 0x2a, 0x30,
        /* IAPREFIX */ 0x00, 0x1a, /* len 25 */ 0x00, 0x19,
        /* preferred 12600 */ 0x00, 0x00, 0x31, 0x38, /* valid 14400 */ 0x00, 0x00, 0x38, 0x40, /* prefix-len 56 */ 0x38,
        /* 2400:4050:5c71:af00:: */ 0x24, 0x00, 0x40, 0x50, 0x5c, 0x71, 0xaf, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    ];

    internal static readonly byte[] Oro =
    [
        /* ORO */ 0x00, 0x06, /* len 8 */ 0x00, 0x08,
        /* DNS_SERVERS */ 0x00, 0x17, /* DOMAIN_LIST */ 0x00, 0x18, /* SOL_MAX_RT */ 0x00, 0x52, /* S46_CONT_MAPE */ 0x00, 0x5e,
    ];

    internal static readonly byte[] ElapsedZero = [/* ELAPSED_TIME */ 0x00, 0x08, /* len 2 */ 0x00, 0x02, /* 0 */ 0x00, 0x00];

    internal static readonly byte[] ElapsedOneSecond = [/* ELAPSED_TIME */ 0x00, 0x08, /* len 2 */ 0x00, 0x02, /* 100 */ 0x00, 0x64];

    internal static readonly byte[] ReconfAccept = [/* RECONF_ACCEPT */ 0x00, 0x14, /* len 0 */ 0x00, 0x00];

    internal static readonly byte[] Preference255 = [/* PREFERENCE */ 0x00, 0x07, /* len 1 */ 0x00, 0x01, /* 255 */ 0xff];

    internal static readonly byte[] DnsServers =
    [
        /* DNS_SERVERS */ 0x00, 0x17, /* len 32 */ 0x00, 0x20,
        /* 2404:1a8:7f01:a::3 */ 0x24, 0x04, 0x01, 0xa8, 0x7f, 0x01, 0x00, 0x0a, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03,
        /* 2404:1a8:7f01:b::3 */ 0x24, 0x04, 0x01, 0xa8, 0x7f, 0x01, 0x00, 0x0b, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03,
    ];

    internal static readonly byte[] DomainList =
    [
        /* DOMAIN_LIST */ 0x00, 0x18, /* len 17 */ 0x00, 0x11,
        /* "example.jp." */ 0x07, (byte)'e', (byte)'x', (byte)'a', (byte)'m', (byte)'p', (byte)'l', (byte)'e', 0x02, (byte)'j', (byte)'p', 0x00,
        /* "lan." */ 0x03, (byte)'l', (byte)'a', (byte)'n', 0x00,
    ];

    internal static readonly byte[] AftrName =
    [
        /* AFTR_NAME */ 0x00, 0x40, /* len 17 */ 0x00, 0x11,
        /* "aftr.example.jp." */ 0x04, (byte)'a', (byte)'f', (byte)'t', (byte)'r',
        0x07, (byte)'e', (byte)'x', (byte)'a', (byte)'m', (byte)'p', (byte)'l', (byte)'e', 0x02, (byte)'j', (byte)'p', 0x00,
    ];

    internal static readonly byte[] SolMaxRt = [/* SOL_MAX_RT */ 0x00, 0x52, /* len 4 */ 0x00, 0x04, /* 3600 */ 0x00, 0x00, 0x0e, 0x10];

    internal static readonly byte[] StatusNoBinding =
    [
        /* STATUS_CODE */ 0x00, 0x0d, /* len 9 */ 0x00, 0x09, /* NoBinding */ 0x00, 0x03,
        /* "unknown" */ (byte)'u', (byte)'n', (byte)'k', (byte)'n', (byte)'o', (byte)'w', (byte)'n',
    ];

    internal static readonly byte[] RapidCommit = [/* RAPID_COMMIT */ 0x00, 0x0e, /* len 0 */ 0x00, 0x00];

    internal static readonly byte[] ReconfMsgRenew = [/* RECONF_MSG */ 0x00, 0x13, /* len 1 */ 0x00, 0x01, /* Renew */ 0x05];

    /// <summary>An RKAP Authentication option carrying key 00..0f (type 1), as a Reply hands it to the client.</summary>
    internal static readonly byte[] AuthKey =
    [
        /* AUTH */ 0x00, 0x0b, /* len 28 */ 0x00, 0x1c, /* protocol RKAP */ 0x03, /* HMAC-MD5 */ 0x01, /* RDM counter */ 0x00,
        /* replay detection 1 */ 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, /* type: key */ 0x01,
        /* key */ 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f,
    ];

    /// <summary>RFC 7598 MAP-E container with the OCN rule 2400:4050:4000::/35 -> 153.241.0.0/17, BR 2001:380:a120::9.</summary>
    internal static readonly byte[] MapEContainer =
    [
        /* S46_CONT_MAPE */ 0x00, 0x5e, /* len 45 */ 0x00, 0x2d,
        /* S46_RULE */ 0x00, 0x59, /* len 21 */ 0x00, 0x15,
        /* flags F */ 0x01, /* ea-len 21 */ 0x15, /* prefix4-len 17 */ 0x11, /* 153.241.0.0 */ 0x99, 0xf1, 0x00, 0x00,
        /* prefix6-len 35 */ 0x23, /* 2400:4050:4000::/35 in 5 bytes */ 0x24, 0x00, 0x40, 0x50, 0x40,
        /* S46_PORTPARAMS */ 0x00, 0x5d, /* len 4 */ 0x00, 0x04, /* offset 6 */ 0x06, /* PSID-len 0 */ 0x00, /* PSID */ 0x00, 0x00,
        /* S46_BR */ 0x00, 0x5a, /* len 16 */ 0x00, 0x10,
        /* 2001:380:a120::9 */ 0x20, 0x01, 0x03, 0x80, 0xa1, 0x20, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x09,
    ];

    internal static byte[] Header(byte type, uint xid) => [/* msg-type */ type, /* transaction-id */ (byte)(xid >> 16), (byte)(xid >> 8), (byte)xid];

    internal static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    /// <summary>NGN-style Solicit: ClientID DUID-LL, IA_PD with a ::/56 hint, ORO {23,24,82,94}, Elapsed Time, Reconfigure Accept.</summary>
    internal static byte[] Solicit => Concat(Header(1, 0x1a2b3c), ClientId, IaPdHint, Oro, ElapsedZero, ReconfAccept);

    internal static byte[] Advertise => Concat(Header(2, 0x1a2b3c), ServerIdLlt, ClientId, IaPdLease, Preference255, DnsServers, SolMaxRt);

    internal static byte[] Request => Concat(Header(3, 0x4d5e6f), ClientId, ServerIdLlt, IaPdHint, Oro, ElapsedZero, ReconfAccept);

    /// <summary>kea-like Reply: ServerID DUID-LLT, the FLET'S Cross IA_PD, DNS, search list, MAP-E, RKAP key.</summary>
    internal static byte[] Reply => Concat(Header(7, 0x4d5e6f), ServerIdLlt, ClientId, IaPdLease, DnsServers, DomainList, MapEContainer, AuthKey);

    /// <summary>Renew echoing the lease's T1/T2 and lifetimes: NTT gear is reported to drop zeros.</summary>
    internal static byte[] Renew => Concat(Header(5, 0x010203), ClientId, ServerIdLlt, IaPdLease, Oro, ElapsedOneSecond, ReconfAccept);

    /// <summary>Rebind: like Renew without the ServerID (RFC 8415 section 18.2.5).</summary>
    internal static byte[] Rebind => Concat(Header(6, 0x040506), ClientId, IaPdLease, Oro, ElapsedOneSecond, ReconfAccept);

    internal static byte[] Release => Concat(Header(8, 0x070809), ClientId, ServerIdLlt, IaPdLease, ElapsedZero);

    internal static byte[] ReplyNoBinding => Concat(Header(7, 0x010203), ServerIdLlt, ClientId, StatusNoBinding);

    /// <summary>Reconfigure (transaction-id 0, RFC 8415 section 18.3.11) signed with key 00..0f.</summary>
    internal static byte[] Reconfigure => Concat(
        Header(10, 0),
        ServerIdLlt,
        ClientId,
        ReconfMsgRenew,
        [
            /* AUTH */ 0x00, 0x0b, /* len 28 */ 0x00, 0x1c, /* RKAP */ 0x03, /* HMAC-MD5 */ 0x01, /* RDM */ 0x00,
            /* replay detection 1 */ 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, /* type: HMAC-MD5 digest */ 0x02,
            /* digest (python hmac.new(bytes(range(16)), msg_with_zero_digest, md5)) */
            0xb9, 0xed, 0xe9, 0xc3, 0x23, 0x4b, 0x92, 0x04, 0x87, 0xdb, 0x39, 0x52, 0x21, 0xc7, 0x60, 0x8b,
        ]);

    internal static byte[] RkapKey => [0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f];

    internal static IEnumerable<byte[]> AllMessages =>
        [Solicit, Advertise, Request, Reply, Renew, Rebind, Release, ReplyNoBinding, Reconfigure];
}
