using Xunit;

namespace Gatewayd.Ndp.Tests;

public sealed class MalformedRaTests
{
    private static byte[] Ra(params byte[][] options) => RaVectors.Concat([RaVectors.Header, .. options]);

    public static TheoryData<string, byte[], int, NdpParseErrorKind> DiscardedPackets => new()
    {
        { "empty", [], 0, NdpParseErrorKind.Truncated },
        { "header cut to 15 bytes", RaVectors.Header[..15], 15, NdpParseErrorKind.Truncated },
        { "router solicitation", RaVectors.Concat([0x85], RaVectors.Header[1..]), 0, NdpParseErrorKind.WrongType },
        { "code 1", RaVectors.Concat([0x86, 0x01], RaVectors.Header[2..]), 1, NdpParseErrorKind.BadCode },
        { "zero-length option", Ra([0x01, 0x00, 0, 0, 0, 0, 0, 0]), 16, NdpParseErrorKind.ZeroLengthOption },
        { "zero-length option after a good one", Ra(RaVectors.Mtu, [0x19, 0x00]), 24, NdpParseErrorKind.ZeroLengthOption },
        { "option past end", Ra([0x03, 0x04, 0x40, 0xc0, 0, 0, 0, 0]), 16, NdpParseErrorKind.LengthOverrun },
        { "one trailing byte", Ra(RaVectors.Mtu, [0x05]), 24, NdpParseErrorKind.LengthOverrun },
        {
            "too many options", Ra([.. Enumerable.Repeat<byte[]>([0xc8, 0x01, 0, 0, 0, 0, 0, 0], 2000).SelectMany(o => o)]),
            16 + (8 * RouterAdvertisement.MaxOptions), NdpParseErrorKind.TooManyOptions
        },
    };

    [Theory]
    [MemberData(nameof(DiscardedPackets))]
    public void Packet_is_discarded_at_the_exact_offset(string name, byte[] wire, int offset, NdpParseErrorKind kind)
    {
        Assert.False(RouterAdvertisement.TryParse(wire, out RouterAdvertisement? ra, out NdpParseError? error), name);
        Assert.Null(ra);
        Assert.Equal((offset, kind), (error.Offset, error.Kind));
    }

    public static TheoryData<string, byte[], int> IgnoredOptions => new()
    {
        { "PIO of 3 units", [0x03, 0x03, 0x40, 0xc0, .. new byte[20]], 16 },
        { "PIO prefix length 200", [0x03, 0x04, 0xc8, 0xc0, .. new byte[28]], 18 },
        { "MTU of 2 units", [0x05, 0x02, .. new byte[14]], 16 },
        { "RIO of 4 units", [0x18, 0x04, 0x30, 0x00, .. new byte[28]], 16 },
        { "RIO /96 in 2 units", [0x18, 0x02, 0x60, 0x00, .. new byte[12]], 18 },
        { "RIO /48 in 1 unit", [0x18, 0x01, 0x30, 0x00, 0, 0, 0, 0], 18 },
        { "RDNSS of 2 units", [0x19, 0x02, .. new byte[14]], 16 },
        { "RDNSS of 4 units", [0x19, 0x04, .. new byte[30]], 16 },
        { "DNSSL of 1 unit", [0x1f, 0x01, 0, 0, 0, 0, 0, 0], 16 },
        { "DNSSL without names", [0x1f, 0x02, .. new byte[14]], 24 },
        { "DNSSL label over 63", [0x1f, 0x03, 0, 0, 0, 0, 0, 0, 0x40, .. new byte[15]], 24 },
        { "DNSSL compression pointer", [0x1f, 0x02, 0, 0, 0, 0, 0, 0, 0x01, (byte)'a', 0xc0, 0x0c, 0, 0, 0, 0], 26 },
        { "DNSSL name without root", [0x1f, 0x02, 0, 0, 0, 0, 0, 0, 0x07, (byte)'a', (byte)'b', (byte)'c', (byte)'d', (byte)'e', (byte)'f', (byte)'g'], 32 },
        { "DNSSL nonzero padding", [0x1f, 0x02, 0, 0, 0, 0, 0, 0, 0x01, (byte)'a', 0x00, 0x00, 0x00, 0x07, 0x00, 0x00], 29 },
    };

    [Theory]
    [MemberData(nameof(IgnoredOptions))]
    public void Malformed_known_option_is_ignored_but_kept(string name, byte[] option, int offset)
    {
        byte[] wire = Ra(option, RaVectors.Mtu);
        Assert.True(RouterAdvertisement.TryParse(wire, out RouterAdvertisement? ra, out NdpParseError? error), $"{name}: {error}");
        MalformedNdpOption bad = Assert.Single(ra.MalformedOptions);
        Assert.Equal(offset, bad.Problem.Offset);
        Assert.Equal(NdpParseErrorKind.MalformedOption, bad.Problem.Kind);
        Assert.Equal(1500u, ra.Mtu);
        Assert.Empty(ra.Prefixes);
        Assert.Empty(ra.Routes);
        Assert.Empty(ra.RecursiveDnsServers);
        Assert.Empty(ra.DnsSearchLists);
        Assert.Equal(wire, ra.ToArray());
    }
}
