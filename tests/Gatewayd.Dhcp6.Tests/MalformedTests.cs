using Xunit;

namespace Gatewayd.Dhcp6.Tests;

public sealed class MalformedTests
{
    private static byte[] Msg(params byte[][] options) => Vectors.Concat([Vectors.Header(7, 1), .. options]);

    private static byte[] NestedIaPds(int levels)
    {
        // Each IA_PD holds the next one; the innermost is empty.
        byte[] inner = [0x00, 0x19, 0x00, 0x0c, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        for (int i = 1; i < levels; i++)
        {
            int length = 12 + inner.Length;
            inner = Vectors.Concat([0x00, 0x19, (byte)(length >> 8), (byte)length, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], inner);
        }

        return inner;
    }

    public static TheoryData<string, byte[], int, ushort?, Dhcp6ParseErrorKind> Cases => new()
    {
        { "empty datagram", [], 0, null, Dhcp6ParseErrorKind.Truncated },
        { "header cut to 3 bytes", [0x07, 0x00, 0x00], 3, null, Dhcp6ParseErrorKind.Truncated },
        { "relay-forw", [0x0c, 0x00, 0x00, 0x00], 0, null, Dhcp6ParseErrorKind.UnsupportedMessageType },
        { "relay-repl", [0x0d, 0x00, 0x00, 0x00], 0, null, Dhcp6ParseErrorKind.UnsupportedMessageType },
        { "message type 0", [0x00, 0x00, 0x00, 0x00], 0, null, Dhcp6ParseErrorKind.UnsupportedMessageType },
        { "option header cut", Msg([0x00, 0x01, 0x00]), 4, null, Dhcp6ParseErrorKind.Truncated },
        { "option length past end", Msg([0x00, 0x19, 0x00, 0x28, 0, 0, 0, 1, 0, 0, 0, 0]), 4, 25, Dhcp6ParseErrorKind.LengthOverrun },
        { "second option past end", Msg(Vectors.ClientId, [0x00, 0x02, 0x00, 0x0e, 0, 1]), 18, 2, Dhcp6ParseErrorKind.LengthOverrun },
        {
            "IAPREFIX overruns its IA_PD",
            Msg([/* IA_PD len 20 */ 0x00, 0x19, 0x00, 0x14, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, /* IAPREFIX len 25 */ 0x00, 0x1a, 0x00, 0x19, 0, 0, 0, 0]),
            20, 26, Dhcp6ParseErrorKind.LengthOverrun
        },
        {
            "sub-option header cut inside IA_PD",
            Msg([/* IA_PD len 14 */ 0x00, 0x19, 0x00, 0x0e, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, /* 2 stray bytes */ 0x00, 0x0d]),
            20, null, Dhcp6ParseErrorKind.Truncated
        },
        {
            "STATUS_CODE overruns its IAPREFIX",
            Msg([
                /* IA_PD len 45 */ 0x00, 0x19, 0x00, 0x2d, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0,
                /* IAPREFIX len 29 */ 0x00, 0x1a, 0x00, 0x1d, 0, 0, 0, 0, 0, 0, 0, 0, 0x38, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                /* STATUS_CODE len 10, 0 bytes left */ 0x00, 0x0d, 0x00, 0x0a]),
            49, 13, Dhcp6ParseErrorKind.LengthOverrun
        },
        { "IA_PD shorter than 12 bytes", Msg([0x00, 0x19, 0x00, 0x08, 0, 0, 0, 1, 0, 0, 0, 0]), 4, 25, Dhcp6ParseErrorKind.BadLength },
        { "IAPREFIX shorter than 25 bytes", Msg([0x00, 0x1a, 0x00, 0x04, 0, 0, 0, 1]), 4, 26, Dhcp6ParseErrorKind.BadLength },
        {
            "IAPREFIX prefix length 129",
            Msg([0x00, 0x1a, 0x00, 0x19, 0, 0, 0, 0, 0, 0, 0, 0, /* 129 */ 0x81, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
            16, 26, Dhcp6ParseErrorKind.BadValue
        },
        { "zero-length CLIENTID", Msg([0x00, 0x01, 0x00, 0x00]), 4, 1, Dhcp6ParseErrorKind.EmptyValue },
        { "zero-length DOMAIN_LIST", Msg(Vectors.ClientId, [0x00, 0x18, 0x00, 0x00]), 18, 24, Dhcp6ParseErrorKind.EmptyValue },
        { "zero-length DNS_SERVERS", Msg([0x00, 0x17, 0x00, 0x00]), 4, 23, Dhcp6ParseErrorKind.EmptyValue },
        { "zero-length ELAPSED_TIME", Msg([0x00, 0x08, 0x00, 0x00]), 4, 8, Dhcp6ParseErrorKind.EmptyValue },
        { "zero-length AFTR_NAME", Msg([0x00, 0x40, 0x00, 0x00]), 4, 64, Dhcp6ParseErrorKind.EmptyValue },
        { "DNS_SERVERS not a multiple of 16", Msg([0x00, 0x17, 0x00, 0x03, 1, 2, 3]), 4, 23, Dhcp6ParseErrorKind.BadLength },
        { "ELAPSED_TIME of 3 bytes", Msg([0x00, 0x08, 0x00, 0x03, 0, 0, 0]), 4, 8, Dhcp6ParseErrorKind.BadLength },
        { "RAPID_COMMIT with a value", Msg([0x00, 0x0e, 0x00, 0x01, 0]), 4, 14, Dhcp6ParseErrorKind.BadLength },
        { "ORO of odd length", Msg([0x00, 0x06, 0x00, 0x03, 0, 23, 0]), 4, 6, Dhcp6ParseErrorKind.BadLength },
        { "DUID longer than 130 bytes", Msg(Vectors.Concat([0x00, 0x01, 0x00, 0x83], new byte[131])), 4, 1, Dhcp6ParseErrorKind.BadLength },
        { "AUTH shorter than 11 bytes", Msg([0x00, 0x0b, 0x00, 0x02, 3, 1]), 4, 11, Dhcp6ParseErrorKind.BadLength },
        {
            "label longer than 63",
            Msg(Vectors.Concat([0x00, 0x18, 0x00, 0x42, /* label length 64 */ 0x40], new byte[64], [0x00])),
            8, 24, Dhcp6ParseErrorKind.BadDomainName
        },
        {
            "compression pointer",
            Msg([0x00, 0x18, 0x00, 0x06, 0x03, (byte)'c', (byte)'o', (byte)'m', /* pointer */ 0xc0, 0x0c]),
            12, 24, Dhcp6ParseErrorKind.BadDomainName
        },
        { "name without root label", Msg([0x00, 0x18, 0x00, 0x04, 0x03, (byte)'c', (byte)'o', (byte)'m']), 12, 24, Dhcp6ParseErrorKind.BadDomainName },
        { "label runs past the option", Msg([0x00, 0x18, 0x00, 0x03, 0x05, (byte)'a', (byte)'b']), 8, 24, Dhcp6ParseErrorKind.BadDomainName },
        {
            "name longer than 255 bytes",
            Msg(Vectors.Concat([0x00, 0x18, 0x01, 0x01], [.. Enumerable.Range(0, 4).SelectMany(_ => Vectors.Concat([63], new byte[63]))], [0x00])),
            8, 24, Dhcp6ParseErrorKind.BadDomainName
        },
        {
            "AFTR_NAME followed by junk",
            Msg([0x00, 0x40, 0x00, 0x05, 0x02, (byte)'a', (byte)'b', 0x00, 0xff]),
            12, 64, Dhcp6ParseErrorKind.BadDomainName
        },
        {
            "S46_RULE too short for its IPv6 prefix",
            Msg([0x00, 0x59, 0x00, 0x09, 0x00, 0x15, 0x11, 0x99, 0xf1, 0x00, 0x00, /* /35 needs 5 bytes */ 0x23, 0x24]),
            4, 89, Dhcp6ParseErrorKind.BadLength
        },
        { "S46_RULE prefix4-len 33", Msg([0x00, 0x59, 0x00, 0x08, 0x00, 0x00, 0x21, 0, 0, 0, 0, 0x00]), 10, 89, Dhcp6ParseErrorKind.BadValue },
        { "S46_BR of 4 bytes", Msg([0x00, 0x5e, 0x00, 0x08, 0x00, 0x5a, 0x00, 0x04, 1, 2, 3, 4]), 8, 90, Dhcp6ParseErrorKind.BadLength },
        { "10k options", Msg([.. Enumerable.Repeat<byte[]>([0x00, 0x63, 0x00, 0x00], 10_000).SelectMany(o => o)]), 4 + (4 * 4096), 99, Dhcp6ParseErrorKind.TooManyOptions },
        { "deep nesting", Msg(NestedIaPds(10)), 4 + (16 * 8), 25, Dhcp6ParseErrorKind.TooDeep },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Malformed_input_is_rejected_at_the_exact_offset(string name, byte[] wire, int offset, ushort? code, Dhcp6ParseErrorKind kind)
    {
        Assert.False(Dhcp6Message.TryParse(wire, out Dhcp6Message? message, out Dhcp6ParseError? error), name);
        Assert.Null(message);
        Assert.Equal(offset, error.Offset);
        Assert.Equal(code, (ushort?)error.OptionCode);
        Assert.Equal(kind, error.Kind);
        Assert.False(string.IsNullOrWhiteSpace(error.Reason));
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_accepted()
    {
        byte[] wire = Msg(NestedIaPds(Dhcp6Message.MaxNestingDepth + 1));
        Assert.True(Dhcp6Message.TryParse(wire, out Dhcp6Message? m, out _));
        Assert.Equal(wire, m.ToArray());
    }

    [Fact]
    public void Exactly_the_option_cap_is_accepted()
    {
        byte[] wire = Msg([.. Enumerable.Repeat<byte[]>([0x00, 0x63, 0x00, 0x00], Dhcp6Message.MaxOptions).SelectMany(o => o)]);
        Assert.True(Dhcp6Message.TryParse(wire, out _, out _));
    }

    [Fact]
    public void Error_message_names_the_numbers()
    {
        Assert.False(Dhcp6Message.TryParse(Msg([0x00, 0x19, 0x00, 0x28, 0, 0, 0, 1, 0, 0, 0, 0]), out _, out Dhcp6ParseError? error));
        Assert.Equal("option 25 length 40 runs past the end at offset 4 (8 bytes left)", error.Reason);
    }
}
