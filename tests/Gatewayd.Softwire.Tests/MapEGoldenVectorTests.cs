using System.Net;
using Gatewayd.Softwire.Tests.Vectors;

namespace Gatewayd.Softwire.Tests;

/// <summary>Every built-in rule against its vector in Vectors/mape-golden.csv (computed by an independent implementation).</summary>
public class MapEGoldenVectorTests
{
    public static IEnumerable<object[]> Golden() => GoldenVectors.Rows();

    [Theory]
    [MemberData(nameof(Golden))]
    public void Calculate_BuiltInRule_MatchesGoldenVector(
        string pd, string vne, string ruleIpv6Prefix, string ipv4, int psid, string ce, string br, string firstBlock, string lastBlock, int portCount)
    {
        IPNetwork prefix = IPNetwork.Parse(pd);
        MapRule rule = MapRuleTable.BuiltIn.Rules.Single(r => r.Ipv6Prefix == IPNetwork.Parse(ruleIpv6Prefix));
        Assert.Equal(vne, rule.Vne);

        MapeResult result = MapE.Calculate(prefix, rule);

        Assert.Equal(IPAddress.Parse(ipv4), result.Ipv4Address);
        Assert.Equal(psid, result.Psid);
        Assert.Equal(IPAddress.Parse(ce), result.CeAddress);
        Assert.Equal(IPAddress.Parse(br), result.BrAddress);
        Assert.Equal(firstBlock, result.PortBlocks[0].ToString());
        Assert.Equal(lastBlock, result.PortBlocks[^1].ToString());
        Assert.Equal(portCount, result.PortCount);
    }

    [Theory]
    [MemberData(nameof(Golden))]
    public void Resolve_GoldenPrefix_FindsThatRuleByLongestMatch(
        string pd, string vne, string ruleIpv6Prefix, string ipv4, int psid, string ce, string br, string firstBlock, string lastBlock, int portCount)
    {
        _ = (ipv4, psid, ce, br, firstBlock, lastBlock, portCount);
        IPNetwork prefix = IPNetwork.Parse(pd);

        Assert.Equal(IPNetwork.Parse(ruleIpv6Prefix), MapRuleTable.BuiltIn.Resolve(prefix).Ipv6Prefix);
        Assert.Equal(IPNetwork.Parse(ruleIpv6Prefix), MapRuleTable.BuiltIn.Resolve(prefix, vne).Ipv6Prefix);
    }

    [Fact]
    public void GoldenVectors_CoverEveryBuiltInRuleOnce()
    {
        var vectorRules = GoldenVectors.Rows().Select(row => IPNetwork.Parse((string)row[2])).ToList();

        Assert.Equal(425, vectorRules.Count);
        Assert.Equal(
            MapRuleTable.BuiltIn.Rules.Select(r => r.Ipv6Prefix).OrderBy(p => p.ToString()),
            vectorRules.Distinct().OrderBy(p => p.ToString()));
    }
}
