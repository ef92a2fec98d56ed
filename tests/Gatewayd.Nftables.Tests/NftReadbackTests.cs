using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace Gatewayd.Nftables.Tests;

public class NftReadbackTests
{
    private static readonly GatewaydRuleset Small = new("mape0", new PortSetSnat(PortSets.OcnAddress, PortSets.Ocn.Take(2).ToArray()));

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    private static IReadOnlyList<string> Verify(GatewaydRuleset ruleset, string json) => NftReadback.Verify(RulesetRenderer.Plan(ruleset), json);

    [Fact]
    public void Verify_ListingOfTheRenderedScript_HasNoProblems()
    {
        Assert.Empty(Verify(Small, Fixture("small.json")));
    }

    [Fact]
    public void Verify_EndpointIndependentListing_HasNoProblems()
    {
        Assert.Empty(Verify(Small with { Nat = new PortSetSnat(PortSets.OcnAddress, PortSets.Ocn.Take(2).ToArray(), UdpMapping.EndpointIndependent) },
            Fixture("eim.json")));
    }

    [Fact]
    public void Verify_PlainSnatWithReverseClamp_HasNoProblems()
    {
        Assert.Empty(Verify(new GatewaydRuleset("ipip0", new PlainSnat(IPAddress.Parse("203.0.113.9"))) { TunnelMtu = 1460 }, Fixture("plain.json")));
    }

    [Fact]
    public void Verify_SilentlyBrokenAddressColonMapForm_IsCaught()
    {
        var problems = Verify(Small, Fixture("broken.json"));

        Assert.Contains(problems, p => p.Contains("chain postrouting rule 1", StringComparison.Ordinal) && p.Contains("1776-0", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("snat ip to 153.241.113.198 : numgen inc mod 2 map", StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_AgainstDifferentBlocksOrAddress_ReportsTheElements()
    {
        var moreBlocks = Verify(Small with { Nat = new PortSetSnat(PortSets.OcnAddress, PortSets.Ocn) }, Fixture("small.json"));
        Assert.Contains(moreBlocks, p => p.Contains("expected 63 map elements, found 2", StringComparison.Ordinal));
        Assert.Contains(moreBlocks, p => p.Contains("numgen inc mod 63", StringComparison.Ordinal));

        var otherAddress = Verify(Small with { Nat = new PortSetSnat(IPAddress.Parse("153.241.113.199"), PortSets.Ocn.Take(2).ToArray()) }, Fixture("small.json"));
        Assert.Contains(otherAddress, p => p.Contains("map element 0: expected `0 : 153.241.113.199 . 1776-1791`, found `0 : 153.241.113.198 . 1776-1791`", StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_OtherTunnelOrMode_IsReported()
    {
        Assert.Contains(Verify(Small with { TunnelInterface = "mape1" }, Fixture("small.json")),
            p => p.Contains("found `oifname \"mape0\"", StringComparison.Ordinal));
        Assert.Contains(Verify(Small with { Nat = new NoNat() }, Fixture("small.json")), p => p == "unexpected chain postrouting");
        Assert.Contains(Verify(Small with { ClampMss = false }, Fixture("small.json")), p => p == "unexpected chain forward");
    }

    [Fact]
    public void Verify_RuleRemovedOrAdded_IsReported()
    {
        var json = JsonNode.Parse(Fixture("small.json"))!;
        var items = json["nftables"]!.AsArray();
        var dropRule = items.First(i => i!["rule"]?["chain"]?.GetValue<string>() == "tunnel_egress");
        items.Remove(dropRule);
        Assert.Contains(Verify(Small, json.ToJsonString()), p => p == "chain tunnel_egress: expected 1 rules, found 0");

        var clamp = items.First(i => i!["rule"]?["chain"]?.GetValue<string>() == "forward")!.DeepClone();
        items.Add(clamp);
        Assert.Contains(Verify(Small, json.ToJsonString()), p => p == "chain forward: expected 1 rules, found 2");
    }

    [Fact]
    public void Verify_ChainHookChanged_IsReported()
    {
        var json = JsonNode.Parse(Fixture("small.json"))!;
        var chain = json["nftables"]!.AsArray().First(i => i!["chain"]?["name"]?.GetValue<string>() == "postrouting")!;
        chain["chain"]!["prio"] = 99;

        Assert.Contains(Verify(Small, json.ToJsonString()), p => p.StartsWith("chain postrouting: expected type nat hook postrouting priority 100", StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_NoTableOrGarbage_IsReported()
    {
        Assert.Equal(["table inet gatewayd is not listed"], Verify(Small, """{"nftables": [{"metainfo": {"version": "1.0.6"}}]}"""));
        Assert.Single(Verify(Small, "Error: No such file"));
    }

    [Fact]
    public void Digest_OfListedRule_MatchesRenderedDigest()
    {
        using var doc = JsonDocument.Parse(Fixture("small.json"));
        var rule = doc.RootElement.GetProperty("nftables").EnumerateArray().First(i => i.TryGetProperty("rule", out _)).GetProperty("rule");
        var digest = NftReadback.Digest(rule.GetProperty("expr"));

        Assert.Equal("oifname \"mape0\"", digest.Match);
        Assert.Equal("snat ip to numgen inc mod 2 map", digest.Statement);
        Assert.Equal(["0 : 153.241.113.198 . 1776-1791", "1 : 153.241.113.198 . 2800-2815"], digest.Elements);
    }
}
