using System.Text.Json;

namespace Gatewayd.Tests;

public class CliTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Program.Invoke(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Mape_Json_HasTheContractKeysAndValues()
    {
        var (code, output, _) = Run("mape", "2400:4050:5c71:af00::/56", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var r = doc.RootElement;
        Assert.Equal("ocn", r.GetProperty("vne").GetString());
        var rule = r.GetProperty("rule");
        Assert.Equal("2400:4050:4000::/35", rule.GetProperty("ipv6Prefix").GetString());
        Assert.Equal("153.241.0.0/17", rule.GetProperty("ipv4Prefix").GetString());
        Assert.Equal(21, rule.GetProperty("eaBitsLength").GetInt32());
        Assert.Equal(6, rule.GetProperty("psidOffset").GetInt32());
        Assert.Equal("153.241.113.198", r.GetProperty("ipv4Address").GetString());
        Assert.Equal(47, r.GetProperty("psid").GetInt32());
        Assert.Equal(6, r.GetProperty("psidLength").GetInt32());
        Assert.Equal("2400:4050:5c71:af00:99:f171:c600:2f00", r.GetProperty("ceAddress").GetString());
        Assert.Equal("2001:380:a120::9", r.GetProperty("brAddress").GetString());
        Assert.Equal(1008, r.GetProperty("portCount").GetInt32());
        var blocks = r.GetProperty("portBlocks");
        Assert.Equal(63, blocks.GetArrayLength());
        Assert.Equal(1776, blocks[0].GetProperty("start").GetInt32());
        Assert.Equal(1791, blocks[0].GetProperty("end").GetInt32());
        Assert.Equal(65279, blocks[62].GetProperty("end").GetInt32());
    }

    [Fact]
    public void Mape_Text_ShowsTheTableAndBlocks()
    {
        var (code, output, _) = Run("mape", "2400:4050:5c71:af00::/56");
        Assert.Equal(0, code);
        Assert.Contains("IPv4    153.241.113.198", output);
        Assert.Contains("PSID    47 (0x2f, 6 bits)", output);
        Assert.Contains("Ports   1008 in 63 blocks of 16", output);
        Assert.Contains("  1776-1791      2800-2815      3824-3839      4848-4863\n", output);
    }

    [Fact]
    public void Mape_ManualRfcRule_WithRfcInterfaceId()
    {
        var (code, output, _) = Run("mape", "2001:db8:12:3400::/56", "--rule", "2001:db8::/40,192.0.2.0/24,16,6", "--iid", "rfc7597", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal("192.0.2.18", doc.RootElement.GetProperty("ipv4Address").GetString());
        Assert.Equal("2001:db8:12:3400:0:c000:212:34", doc.RootElement.GetProperty("ceAddress").GetString());
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("brAddress").ValueKind);
    }

    [Theory]
    [InlineData("not-a-prefix")]
    [InlineData("192.0.2.0/24")]
    [InlineData("2400:4050::/129")]
    public void Mape_BadPrefix_Exits2NamingIt(string prefix)
    {
        var (code, _, err) = Run("mape", prefix);
        Assert.Equal(2, code);
        Assert.Contains(prefix, err);
    }

    [Fact]
    public void Mape_BadRule_Exits2()
    {
        var (code, _, err) = Run("mape", "2001:db8:12:3400::/56", "--rule", "2001:db8::/40,192.0.2.0/24,16");
        Assert.Equal(2, code);
        Assert.NotEmpty(err);
    }

    [Fact]
    public void Mape_UnknownOption_Exits2()
    {
        Assert.Equal(2, Run("mape", "2400:4050:5c71:af00::/56", "--vne", "plala").Code);
    }

    [Fact]
    public void Mape_NoRuleCovers_Exits3AndSaysHowToGiveOne()
    {
        var (code, _, err) = Run("mape", "2001:db8:1:2300::/56");
        Assert.Equal(3, code);
        Assert.Contains("--rule", err);
    }

    [Fact]
    public void CheckConfig_ValidExample_Exits0()
    {
        var (code, output, _) = Run("check-config", RepoFiles.Path("packaging", "examples", "map-e.json"));
        Assert.Equal(0, code);
        Assert.Contains("valid", output);
    }

    [Fact]
    public void CheckConfig_PackagedDefault_Exits0AndWarnsIdle()
    {
        var (code, _, err) = Run("check-config", RepoFiles.Path("packaging", "config.json"));
        Assert.Equal(0, code);
        Assert.Contains("warning: wan.interface: not set", err);
    }

    [Fact]
    public void CheckConfig_Invalid_Exits2WithPathAndReason()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, """{"wan":{"interface":"eth0"},"softwire":{"mode":"map-e","mapE":{"rule":{"ipv6Prefix":"2001:db8::/40","ipv4Prefix":"192.0.2.0/24","eaBitsLength":16,"psidOffset":16}}}}""");
            var (code, _, err) = Run("check-config", file);
            Assert.Equal(2, code);
            Assert.Contains("softwire.mapE.rule.psidOffset: must be 0..15", err);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void CheckConfig_MissingFile_Exits2()
    {
        var (code, _, err) = Run("check-config", "/nonexistent/gatewayd.json");
        Assert.Equal(2, code);
        Assert.Contains("cannot be read", err);
    }

    [Fact]
    public void Plan_Nft_PrintsOnlyTheRuleset()
    {
        var (code, output, _) = Run("plan", "--config", RepoFiles.Path("packaging", "examples", "map-e.json"), "--prefix", "2400:4050:5c71:af00::/56", "--format", "nft");
        Assert.Equal(0, code);
        Assert.Contains("table inet gatewayd", output);
        Assert.Contains("153.241.113.198 . 1776-1791", output);
        Assert.DoesNotContain("Tunnel", output);
    }

    [Fact]
    public void Plan_Json_DescribesTunnelAndRoutes()
    {
        var (code, output, _) = Run("plan", "--config", RepoFiles.Path("packaging", "examples", "map-e.json"), "--prefix", "2400:4050:5c71:af00::/56", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var tunnel = doc.RootElement.GetProperty("tunnel");
        Assert.Equal("2400:4050:5c71:af00:99:f171:c600:2f00", tunnel.GetProperty("local").GetString());
        Assert.Equal("2001:380:a120::9", tunnel.GetProperty("remote").GetString());
        Assert.Equal(1460, tunnel.GetProperty("mtu").GetInt32());
        Assert.Equal("none", tunnel.GetProperty("encapLimit").GetString());
        Assert.Equal(2, doc.RootElement.GetProperty("routes").GetArrayLength());
        Assert.Contains("table inet gatewayd", doc.RootElement.GetProperty("nftRuleset").GetString());
    }

    [Fact]
    public void Plan_Text_WithoutPrefix_SaysItIsWaiting()
    {
        var (code, output, _) = Run("plan", "--config", RepoFiles.Path("packaging", "examples", "map-e.json"));
        Assert.Equal(0, code);
        Assert.Contains("waiting for a delegated prefix", output);
    }

    [Fact]
    public void Plan_PrefixNoRuleCovers_Exits3()
    {
        Assert.Equal(3, Run("plan", "--config", RepoFiles.Path("packaging", "examples", "map-e.json"), "--prefix", "2001:db8:1:2300::/56").Code);
    }

    [Fact]
    public void Plan_InvalidConfig_Exits2()
    {
        Assert.Equal(2, Run("plan", "--config", "/nonexistent.json").Code);
    }
}
