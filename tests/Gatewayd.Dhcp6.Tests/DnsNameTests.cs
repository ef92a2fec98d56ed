using Xunit;

namespace Gatewayd.Dhcp6.Tests;

public sealed class DnsNameTests
{
    [Theory]
    [InlineData("aftr.example.jp", new byte[] { 4, 97, 102, 116, 114, 7, 101, 120, 97, 109, 112, 108, 101, 2, 106, 112, 0 })]
    [InlineData(".", new byte[] { 0 })]
    [InlineData("a\\.b", new byte[] { 3, 97, 46, 98, 0 })]
    [InlineData("\\000x", new byte[] { 2, 0, 120, 0 })]
    public void Presentation_and_wire_forms_agree(string text, byte[] wire)
    {
        DnsName name = DnsName.Parse(text);
        Assert.Equal(wire, name.WireFormat.ToArray());
        Assert.Equal(text, name.ToString());
        Assert.Equal(name, DnsName.Parse(name.ToString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a..b")]
    [InlineData(".a")]
    [InlineData("bad\\")]
    [InlineData("\\999")]
    [InlineData("日本.jp")]
    public void Invalid_text_is_rejected(string text)
    {
        Assert.False(DnsName.TryParse(text, out _));
        Assert.Throws<FormatException>(() => DnsName.Parse(text));
    }

    [Fact]
    public void Label_and_name_limits_hold()
    {
        Assert.True(DnsName.TryParse(new string('a', 63) + ".jp", out _));
        Assert.False(DnsName.TryParse(new string('a', 64) + ".jp", out _));
        string longest = string.Join('.', Enumerable.Repeat(new string('a', 63), 3)) + "." + new string('a', 61);
        Assert.Equal(255, DnsName.Parse(longest).WireLength);
        Assert.False(DnsName.TryParse(longest + "a", out _));
    }
}
