using System.Net;

namespace Gatewayd.Softwire.Tests;

public class MapRuleTests
{
    private static readonly IPNetwork V6 = IPNetwork.Parse("2400:4050:4000::/35");
    private static readonly IPNetwork V4 = IPNetwork.Parse("153.241.0.0/17");

    [Fact]
    public void Parse_CliFormWithBr_GivesRule()
    {
        MapRule rule = MapRule.Parse("2400:4050:4000::/35,153.241.0.0/17,21,6,2001:380:a120::9");

        Assert.Equal(V6, rule.Ipv6Prefix);
        Assert.Equal(V4, rule.Ipv4Prefix);
        Assert.Equal(21, rule.EaBitsLength);
        Assert.Equal(6, rule.PsidOffset);
        Assert.Equal(IPAddress.Parse("2001:380:a120::9"), rule.BrAddress);
        Assert.Null(rule.Vne);
        Assert.Equal(6, rule.PsidLength);
        Assert.Equal(15, rule.Ipv4SuffixLength);
        Assert.Equal(56, rule.EndUserPrefixLength);
        Assert.Equal(16, rule.PortsPerBlock);
        Assert.Equal(63, rule.PortBlockCount);
        Assert.Equal(1008, rule.PortCount);
    }

    [Fact]
    public void Parse_WithoutBrAndWithSpaces_GivesRule()
    {
        MapRule rule = MapRule.Parse(" 240b:10::/32 , 106.72.0.0/16 , 24 , 4 ");

        Assert.Equal(MapRule.Create(IPNetwork.Parse("240b:10::/32"), IPNetwork.Parse("106.72.0.0/16"), 24, 4), rule);
        Assert.Null(rule.BrAddress);
        Assert.Equal(240, rule.PortCount);
    }

    [Theory]
    [InlineData("2400:4050:4000::/35,153.241.0.0/17,21,6,2001:380:a120::9")]
    [InlineData("2001:db8::/40,192.0.2.0/24,16,6")]
    public void ToString_IsCliForm_ParsesBack(string text)
    {
        MapRule rule = MapRule.Parse(text);

        Assert.Equal(text, rule.ToString());
        Assert.Equal(rule, MapRule.Parse(rule.ToString()));
    }

    [Theory]
    [InlineData("2400:4050:4000::/35,153.241.0.0/17,21", "has 3 fields")]
    [InlineData("2400:4050:4000::/35,153.241.0.0/17,21,6,2001:380:a120::9,x", "has 6 fields")]
    [InlineData("2400:4050:4000::,153.241.0.0/17,21,6", "ipv6Prefix: '2400:4050:4000::' has no prefix length")]
    [InlineData("2400:4050:4001::/35,153.241.0.0/17,21,6", "ipv6Prefix: '2400:4050:4001::/35' has bits set after the /35 (did you mean 2400:4050:4000::/35?)")]
    [InlineData("153.241.0.0/17,2400:4050:4000::/35,21,6", "ipv6Prefix: '153.241.0.0/17' is not an IPv6 prefix")]
    [InlineData("2400:4050:4000::/129,153.241.0.0/17,21,6", "ipv6Prefix: '2400:4050:4000::/129' has prefix length '129'; it must be 0..128")]
    [InlineData("2400:4050:4000::/35,153.241.0.0/33,21,6", "ipv4Prefix: '153.241.0.0/33' has prefix length '33'; it must be 0..32")]
    [InlineData("2400:4050:4000::/35,153.241.1.0/17,21,6", "ipv4Prefix: '153.241.1.0/17' has bits set after the /17")]
    [InlineData("2400:4050:4000::/35,0153.241.0.0/17,21,6", "ipv4Prefix: '0153.241.0.0/17' is not an IPv4 prefix")]
    [InlineData("2400:4050:4000::/35,153.241.0.0/17,x,6", "eaBitsLength: 'x' is not a number 0..48")]
    [InlineData("2400:4050:4000::/35,153.241.0.0/17,-1,6", "eaBitsLength: '-1' is not a number 0..48")]
    [InlineData("2400:4050:4000::/35,153.241.0.0/17,21,16", "psidOffset: must be 0..15")]
    [InlineData("2400:4050:4000::/35,153.241.0.0/17,21,6,10.0.0.1", "brAddress: '10.0.0.1' is not an IPv6 address")]
    [InlineData("2400:4050:4000::/35,153.241.0.0/17,21,6,ff02::1", "brAddress: must be a unicast IPv6 address")]
    public void Parse_BadInput_ThrowsNamingFieldAndReason(string text, string expected)
    {
        var e = Assert.Throws<SoftwireException>(() => MapRule.Parse(text));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains(MapRule.Syntax, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_GoodRule_IsEmpty()
    {
        Assert.Empty(MapRule.Validate(V6, V4, 21, 6, IPAddress.Parse("2001:380:a120::9")));
    }

    [Fact]
    public void Validate_ManyProblems_ReportsEachAsFieldColonReason()
    {
        IReadOnlyList<string> problems = MapRule.Validate(V4, V6, 49, 16, IPAddress.Parse("10.0.0.1"));

        Assert.Equal(
            [
                "ipv6Prefix: must be an IPv6 prefix, got 153.241.0.0/17",
                "ipv4Prefix: must be an IPv4 prefix, got 2400:4050:4000::/35",
                "eaBitsLength: must be 0..48 (RFC 7597 section 5.2), got 49",
                "psidOffset: must be 0..15, got 16",
                "brAddress: must be a unicast IPv6 address, got 10.0.0.1",
            ],
            problems);
    }

    [Fact]
    public void Validate_EaBitsPastSlash64_Rejected()
    {
        IReadOnlyList<string> problems = MapRule.Validate(V6, IPNetwork.Parse("0.0.0.0/0"), 30, 0);

        string problem = Assert.Single(problems);
        Assert.StartsWith("eaBitsLength: a /35 rule prefix plus 30 EA bits ends at /65", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PsidOffsetPlusPsidLengthOver16_RejectedWithBothNumbers()
    {
        // o = 24 over a /16: k = 8; a = 9 leaves m = -1.
        IReadOnlyList<string> problems = MapRule.Validate(IPNetwork.Parse("240b:10::/32"), IPNetwork.Parse("106.72.0.0/16"), 24, 9);

        string problem = Assert.Single(problems);
        Assert.StartsWith("psidOffset: PSID offset 9 plus PSID length 8", problem, StringComparison.Ordinal);
        Assert.Contains("more than the 16 bits of a port", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PsidLongerThan16_Rejected()
    {
        // o = 48 over a /32 is a 48-bit PSID.
        IReadOnlyList<string> problems = MapRule.Validate(IPNetwork.Parse("2001:db8::/16"), IPNetwork.Parse("192.0.2.1/32"), 48, 0);

        Assert.StartsWith("psidOffset: PSID offset 0 plus PSID length 48", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EaBitsShorterThanIpv4Suffix_IsValidAndAssignsPrefix()
    {
        // RFC 7597 section 5.2 allows o + p4 < 32: the CE gets an IPv4 prefix, not a shared address.
        Assert.Empty(MapRule.Validate(V6, IPNetwork.Parse("10.0.0.0/8"), 16, 6));
        var rule = MapRule.Create(V6, IPNetwork.Parse("10.0.0.0/8"), 16, 6);
        Assert.Equal(0, rule.PsidLength);
        Assert.Equal(24, rule.AssignedIpv4PrefixLength);
        Assert.False(rule.IsPortRestricted);
        Assert.Equal(65536, rule.PortCount);
    }

    [Fact]
    public void Create_InvalidRule_ThrowsWithEveryProblem()
    {
        var e = Assert.Throws<SoftwireException>(() => MapRule.Create(V6, V4, 21, 11));

        Assert.Contains("psidOffset: PSID offset 11 plus PSID length 6", e.Message, StringComparison.Ordinal);
    }
}
