namespace Gatewayd.Ndp.Tests;

/// <summary>Hand-built RA/RS vectors (RFC 4861 section 4), annotated field by field.</summary>
internal static class RaVectors
{
    internal static readonly byte[] RouterMac = [0x00, 0x11, 0x22, 0x33, 0x44, 0x55];

    internal static readonly byte[] Header =
    [
        /* type RA */ 0x86, /* code */ 0x00, /* checksum (kernel's) */ 0x00, 0x00,
        /* cur hop limit 64 */ 0x40, /* M=1 O=1 Prf=medium */ 0xc0, /* router lifetime 1800 s */ 0x07, 0x08,
        /* reachable time 300000 ms */ 0x00, 0x04, 0x93, 0xe0, /* retrans timer 10000 ms */ 0x00, 0x00, 0x27, 0x10,
    ];

    internal static readonly byte[] Slla = [/* SLLA */ 0x01, /* 1 unit */ 0x01, /* MAC */ 0x00, 0x11, 0x22, 0x33, 0x44, 0x55];

    internal static readonly byte[] Mtu = [/* MTU */ 0x05, /* 1 unit */ 0x01, /* reserved */ 0x00, 0x00, /* 1500 */ 0x00, 0x00, 0x05, 0xdc];

    internal static readonly byte[] Pio =
    [
        /* PIO */ 0x03, /* 4 units */ 0x04, /* /64 */ 0x40, /* L=1 A=1 */ 0xc0,
        /* valid 2592000 */ 0x00, 0x27, 0x8d, 0x00, /* preferred 604800 */ 0x00, 0x09, 0x3a, 0x80, /* reserved2 */ 0x00, 0x00, 0x00, 0x00,
        /* 2400:4050:5c71:af00:: */ 0x24, 0x00, 0x40, 0x50, 0x5c, 0x71, 0xaf, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    ];

    internal static readonly byte[] Rdnss =
    [
        /* RDNSS */ 0x19, /* 3 units */ 0x03, /* reserved */ 0x00, 0x00, /* lifetime 1800 */ 0x00, 0x00, 0x07, 0x08,
        /* 2400:4050:5c71:af00::1 */ 0x24, 0x00, 0x40, 0x50, 0x5c, 0x71, 0xaf, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01,
    ];

    internal static readonly byte[] Dnssl =
    [
        /* DNSSL */ 0x1f, /* 3 units */ 0x03, /* reserved */ 0x00, 0x00, /* lifetime 1800 */ 0x00, 0x00, 0x07, 0x08,
        /* "example.jp." */ 0x07, (byte)'e', (byte)'x', (byte)'a', (byte)'m', (byte)'p', (byte)'l', (byte)'e', 0x02, (byte)'j', (byte)'p', 0x00,
        /* padding */ 0x00, 0x00, 0x00, 0x00,
    ];

    internal static readonly byte[] Rio =
    [
        /* RIO */ 0x18, /* 2 units */ 0x02, /* /48 */ 0x30, /* Prf=high */ 0x08, /* lifetime 1800 */ 0x00, 0x00, 0x07, 0x08,
        /* 2001:db8:1:: (8 bytes) */ 0x20, 0x01, 0x0d, 0xb8, 0x00, 0x01, 0x00, 0x00,
    ];

    internal static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    /// <summary>radvd-like NGN RA: M=1 O=1, lifetime 1800, reachable 300000, retrans 10000, MTU 1500, PIO /64 L A, RDNSS, DNSSL.</summary>
    internal static byte[] Ngn => Concat(Header, Slla, Mtu, Pio, Rdnss, Dnssl);

    internal static byte[] WithRoute => Concat(Header, Slla, Rio);

    internal static readonly byte[] Solicitation =
    [
        /* type RS */ 0x85, /* code */ 0x00, /* checksum */ 0x00, 0x00, /* reserved */ 0x00, 0x00, 0x00, 0x00,
        /* SLLA */ 0x01, /* 1 unit */ 0x01, /* MAC */ 0x02, 0x00, 0x5e, 0x10, 0x00, 0x01,
    ];
}
