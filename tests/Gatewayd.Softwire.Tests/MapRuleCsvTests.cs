namespace Gatewayd.Softwire.Tests;

public class MapRuleCsvTests
{
    private const string Header = "vne,rule_ipv6_prefix,rule_ipv6_prefix_len,rule_ipv4_prefix,rule_ipv4_prefix_len,ea_bits_len,psid_offset,br_ipv6,source";

    [Fact]
    public void Read_GoodRow_GivesRuleWithLowercaseVne()
    {
        List<MapRule> rules = Read("OCN,2400:4050:4000::,35,153.241.0.0,17,21,6,2001:380:a120::9,dump line 32");

        MapRule rule = Assert.Single(rules);
        Assert.Equal("ocn", rule.Vne);
        Assert.Equal("2400:4050:4000::/35,153.241.0.0/17,21,6,2001:380:a120::9", rule.ToString());
    }

    [Theory]
    [InlineData("ocn,2400:4050:4000::,35,153.241.0.0,17,21,6,2001:380:a120::9", "t.csv line 2: 8 fields, the header has 9")]
    [InlineData("ocn,2400:4050:4001::,35,153.241.0.0,17,21,6,2001:380:a120::9,s", "t.csv line 2: '2400:4050:4001::/35' has bits set after the /35")]
    [InlineData("ocn,2400:4050:4000::,35,153.241.0.0,17,x,6,2001:380:a120::9,s", "t.csv line 2: ea_bits_len 'x' is not a number")]
    [InlineData("ocn,2400:4050:4000::,35,153.241.0.0,17,21,12,2001:380:a120::9,s", "t.csv line 2: invalid MAP-E rule: psidOffset: PSID offset 12")]
    public void Read_BadRow_ThrowsWithLineNumber(string row, string expected)
    {
        var e = Assert.Throws<SoftwireException>(() => Read(row));

        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingColumn_Throws()
    {
        var e = Assert.Throws<SoftwireException>(() => MapRuleCsv.Read(new StringReader("vne,rule_ipv6_prefix\n"), "t.csv"));

        Assert.Contains("rule_ipv6_prefix_len", e.Message, StringComparison.Ordinal);
    }

    private static List<MapRule> Read(string row) => MapRuleCsv.Read(new StringReader($"{Header}\n{row}\n"), "t.csv");
}
