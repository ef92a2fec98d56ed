using System.Net;

namespace Gatewayd.Softwire.Tests;

public class MapRuleTableTests
{
    [Fact]
    public void BuiltIn_Has425RulesInFourVnes()
    {
        var counts = MapRuleTable.BuiltIn.Rules.GroupBy(r => r.Vne).ToDictionary(g => g.Key!, g => g.Count());

        Assert.Equal(425, MapRuleTable.BuiltIn.Rules.Count);
        Assert.Equal(new Dictionary<string, int> { ["v6plus"] = 8, ["biglobe"] = 258, ["ocn"] = 155, ["nuro"] = 4 }, counts);
        Assert.Equal(counts.Keys.Order(), MapRuleTable.KnownVnes.Order());
    }

    [Fact]
    public void BuiltIn_RulesDoNotOverlap()
    {
        // Longest match only matters for nested rules; the built-in table has none, so every prefix has one answer.
        IReadOnlyList<MapRule> rules = MapRuleTable.BuiltIn.Rules;
        for (int i = 0; i < rules.Count; i++)
        {
            for (int j = i + 1; j < rules.Count; j++)
            {
                Assert.False(
                    rules[i].Ipv6Prefix.Contains(rules[j].Ipv6Prefix.BaseAddress) || rules[j].Ipv6Prefix.Contains(rules[i].Ipv6Prefix.BaseAddress),
                    $"{rules[i]} overlaps {rules[j]}");
                Assert.False(
                    rules[i].Ipv4Prefix.Contains(rules[j].Ipv4Prefix.BaseAddress) || rules[j].Ipv4Prefix.Contains(rules[i].Ipv4Prefix.BaseAddress),
                    $"{rules[i]} shares IPv4 space with {rules[j]}");
            }
        }
    }

    [Fact]
    public void BuiltIn_EveryRuleEndsItsEaBitsAtSlash56AndHasABr()
    {
        Assert.All(MapRuleTable.BuiltIn.Rules, r =>
        {
            Assert.Equal(56, r.EndUserPrefixLength);
            Assert.NotNull(r.BrAddress);
        });
    }

    [Fact]
    public void Resolve_OcnWorkedExamplePrefix_GivesOcnRule()
    {
        MapRule rule = MapRuleTable.BuiltIn.Resolve(IPNetwork.Parse("2400:4050:5c71:af00::/56"));

        Assert.Equal("2400:4050:4000::/35,153.241.0.0/17,21,6,2001:380:a120::9", rule.ToString());
        Assert.Equal("ocn", rule.Vne);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("auto")]
    [InlineData("AUTO")]
    [InlineData("OCN")]
    public void FindLongestMatch_AnyOrMatchingVne_FindsRule(string? vne)
    {
        Assert.NotNull(MapRuleTable.BuiltIn.FindLongestMatch(IPNetwork.Parse("2400:4050:5c71:af00::/64"), vne));
    }

    [Fact]
    public void FindLongestMatch_OtherVne_FindsNothing()
    {
        Assert.Null(MapRuleTable.BuiltIn.FindLongestMatch(IPNetwork.Parse("2400:4050:5c71:af00::/56"), "v6plus"));
    }

    [Fact]
    public void FindLongestMatch_NestedRules_PrefersLongest()
    {
        var outer = MapRule.Create(IPNetwork.Parse("2001:db8::/32"), IPNetwork.Parse("192.0.2.0/24"), 16, 4, vne: "a");
        var inner = MapRule.Create(IPNetwork.Parse("2001:db8:100::/40"), IPNetwork.Parse("198.51.100.0/24"), 16, 6, vne: "b");
        var table = new MapRuleTable([outer, inner]);

        Assert.Same(inner, table.FindLongestMatch(IPNetwork.Parse("2001:db8:112:3400::/56")));
        Assert.Same(outer, table.FindLongestMatch(IPNetwork.Parse("2001:db8:212:3400::/56")));
        Assert.Same(outer, table.FindLongestMatch(IPNetwork.Parse("2001:db8:112:3400::/56"), "a"));
    }

    [Fact]
    public void Constructor_InvalidRule_Throws()
    {
        var bad = new MapRule(IPNetwork.Parse("2001:db8::/32"), IPNetwork.Parse("192.0.2.0/24"), 24, 12);

        Assert.Throws<SoftwireException>(() => new MapRuleTable([bad]));
    }

    [Fact]
    public void Resolve_UncoveredPrefix_ThrowsNoMatchingRuleWithManualRuleHint()
    {
        var e = Assert.Throws<NoMatchingRuleException>(() => MapRuleTable.BuiltIn.Resolve(IPNetwork.Parse("2001:db8::/56")));

        Assert.Contains("no built-in MAP-E rule covers 2001:db8::/56", e.Message, StringComparison.Ordinal);
        Assert.Contains("--rule <ipv6-prefix>,<ipv4-prefix>,<ea-bits>,<psid-offset>[,<br>]", e.Message, StringComparison.Ordinal);
        Assert.Contains("softwire.mapE.rule", e.Message, StringComparison.Ordinal);
        Assert.Equal(IPNetwork.Parse("2001:db8::/56"), e.Prefix);
    }

    [Fact]
    public void Resolve_WrongVne_NamesTheVneAndTheKnownOnes()
    {
        var e = Assert.Throws<NoMatchingRuleException>(() => MapRuleTable.BuiltIn.Resolve(IPNetwork.Parse("240b:10:1234:5600::/56"), "ocn"));

        Assert.Contains("VNE 'ocn'", e.Message, StringComparison.Ordinal);
        Assert.Contains("v6plus, ocn, biglobe, nuro", e.Message, StringComparison.Ordinal);
        Assert.Equal("ocn", e.Vne);
    }

    [Fact]
    public void Resolve_NuroOutsideItsKnownRange_HasNoRule()
    {
        // Only 240d:f::/34 is trusted for NURO; the rest of 240d:f::/32 must not be guessed.
        Assert.NotNull(MapRuleTable.BuiltIn.FindLongestMatch(IPNetwork.Parse("240d:f:3fff:ff00::/56")));
        Assert.Throws<NoMatchingRuleException>(() => MapRuleTable.BuiltIn.Resolve(IPNetwork.Parse("240d:f:4000::/56")));
    }
}
