using System.Net;
using Gatewayd.Config;
using Gatewayd.Nftables;

namespace Gatewayd.Tests;

public class ConfigReaderTests
{
    private static ConfigResult Read(string json) => ConfigReader.Read(json);

    private static string[] Errors(string json) => [.. Read(json).Errors.Select(e => e.ToString())];

    [Fact]
    public void PackagedDefault_IsValidAndIdle_WithAWarning()
    {
        var r = ConfigReader.ReadFile(RepoFiles.Path("packaging", "config.json"));
        Assert.NotNull(r.Config);
        Assert.True(r.Config.IsIdle);
        Assert.Empty(r.Errors);
        Assert.Contains(r.Warnings, w => w.Path == "wan.interface");
    }

    [Theory]
    [InlineData("map-e.json", "map-e", "mape0")]
    [InlineData("map-e-manual-rule.json", "map-e", "mape0")]
    [InlineData("ipip6.json", "ipip6", "ipip0")]
    [InlineData("ds-lite.json", "ds-lite", "dslite0")]
    public void Examples_AreValid(string file, string mode, string tunnel)
    {
        var r = ConfigReader.ReadFile(RepoFiles.Path("packaging", "examples", file));
        Assert.Empty(r.Errors);
        Assert.Equal(mode, Cli.CheckConfigCommand.ModeName(r.Config!.Softwire.Mode));
        Assert.Equal(tunnel, r.Config.Softwire.TunnelName);
        Assert.Equal("enp1s0", r.Config.Wan.Interface);
        Assert.Equal(1460, r.Config.Softwire.Mtu);
    }

    [Fact]
    public void ManualRule_IsReadWithEveryField()
    {
        var c = ConfigReader.ReadFile(RepoFiles.Path("packaging", "examples", "map-e-manual-rule.json")).Config!;
        var rule = c.Softwire.MapE.Rule!;
        Assert.Equal(IPNetwork.Parse("2400:4050:4000::/35"), rule.Ipv6Prefix);
        Assert.Equal(IPNetwork.Parse("153.241.0.0/17"), rule.Ipv4Prefix);
        Assert.Equal(21, rule.EaBitsLength);
        Assert.Equal(6, rule.PsidOffset);
        Assert.Equal(IPAddress.Parse("2001:380:a120::9"), rule.BrAddress);
        Assert.Equal(InterfaceIdChoice.Draft03, c.Softwire.MapE.InterfaceId);
        Assert.Equal(UdpMapping.EndpointIndependent, c.Softwire.MapE.UdpMapping);
    }

    [Fact]
    public void UnknownKey_IsAnErrorNamingItsPath()
    {
        var errors = Errors("""{"wan":{"interface":"eth0"},"softwire":{"mode":"map-e","mapE":{"vnee":"ocn"}}}""");
        var e = Assert.Single(errors);
        Assert.StartsWith("softwire.mapE.vnee: unknown key", e);
    }

    [Fact]
    public void PsidOffsetOutOfRange_NamesTheField()
    {
        var errors = Errors("""
            {"wan":{"interface":"eth0"},"softwire":{"mode":"map-e","mapE":{"rule":
              {"ipv6Prefix":"2400:4050:4000::/35","ipv4Prefix":"153.241.0.0/17","eaBitsLength":21,"psidOffset":16}}}}
            """);
        Assert.Equal(["softwire.mapE.rule.psidOffset: must be 0..15"], errors);
    }

    [Fact]
    public void RuleThatCannotWork_IsRejectedWithTheRulesReason()
    {
        // a + k > 16: offset 12 with k = 21 - 15 = 6 leaves no room for ports.
        var errors = Errors("""
            {"wan":{"interface":"eth0"},"softwire":{"mode":"map-e","mapE":{"rule":
              {"ipv6Prefix":"2400:4050:4000::/35","ipv4Prefix":"153.241.0.0/17","eaBitsLength":21,"psidOffset":12}}}}
            """);
        var e = Assert.Single(errors);
        Assert.StartsWith("softwire.mapE.rule.", e);
    }

    [Fact]
    public void EveryProblemIsListed_NotJustTheFirst()
    {
        var errors = Errors("""
            {"wan":{"interface":"this-name-is-far-too-long"},
             "softwire":{"mode":"map-x","mtu":"big","tunnelName":"a/b"},
             "lan":[{"interface":"eth1"},{"interface":"eth2","subnetId":70000}],
             "extra":1}
            """);
        Assert.Contains(errors, e => e.StartsWith("wan.interface: ", StringComparison.Ordinal) && e.Contains("longer than 15"));
        Assert.Contains(errors, e => e.StartsWith("softwire.mode: must be one of map-e, ipip6, ds-lite, none", StringComparison.Ordinal));
        Assert.Contains("softwire.mtu: must be a whole number, not a string", errors);
        Assert.Contains(errors, e => e.StartsWith("softwire.tunnelName: ", StringComparison.Ordinal));
        Assert.Contains("lan[0].subnetId: is required", errors);
        Assert.Contains("lan[1].subnetId: must be 0..65535", errors);
        Assert.Contains(errors, e => e.StartsWith("extra: unknown key", StringComparison.Ordinal));
        Assert.Equal(7, errors.Length);
    }

    [Fact]
    public void InvalidJson_SaysWhere()
    {
        var e = Assert.Single(Errors("{\n  \"wan\": {\"interface\": \"eth0\",}\n  \"softwire\": 3\n}"));
        Assert.StartsWith("(file): is not valid JSON: line 3", e);
    }

    [Fact]
    public void Ipip6Mode_WithoutItsSection_IsAnError()
    {
        Assert.Contains("softwire.ipip6: is required when softwire.mode is ipip6 (ipv4Address, interfaceId, brAddress)",
            Errors("""{"wan":{"interface":"eth0"},"softwire":{"mode":"ipip6"}}"""));
    }

    [Fact]
    public void Ipip6InterfaceId_WithUpperBitsSet_IsRejected()
    {
        var errors = Errors("""
            {"wan":{"interface":"eth0"},"softwire":{"mode":"ipip6","ipip6":
              {"ipv4Address":"203.0.113.45","interfaceId":"2001:db8::1","brAddress":"2404:9200:225:100::64"}}}
            """);
        Assert.Contains(errors, e => e.StartsWith("softwire.ipip6.interfaceId: ", StringComparison.Ordinal));
    }

    [Fact]
    public void AddressOfTheWrongFamily_IsRejected()
    {
        var errors = Errors("""
            {"wan":{"interface":"eth0"},"softwire":{"mode":"ipip6","ipip6":
              {"ipv4Address":"2001:db8::1","interfaceId":"::1","brAddress":"192.0.2.1"}}}
            """);
        Assert.Contains("softwire.ipip6.ipv4Address: \"2001:db8::1\" is not an IPv4 address", errors);
        Assert.Contains("softwire.ipip6.brAddress: \"192.0.2.1\" is not an IPv6 address", errors);
    }

    [Fact]
    public void DuplicateLanSubnet_IsRejected()
    {
        var errors = Errors("""{"wan":{"interface":"eth0"},"lan":[{"interface":"eth1","subnetId":1},{"interface":"eth2","subnetId":1}]}""");
        Assert.Equal(["lan[1].subnetId: 1 is already used by eth1"], errors);
    }

    [Fact]
    public void UnknownVne_ListsTheKnownOnes()
    {
        var e = Assert.Single(Errors("""{"wan":{"interface":"eth0"},"softwire":{"mode":"map-e","mapE":{"vne":"plala"}}}"""));
        Assert.StartsWith("softwire.mapE.vne: must be auto or one of ", e);
        Assert.Contains("ocn", e);
    }

    [Fact]
    public void Defaults_FollowTheMode()
    {
        var c = Read("""{"wan":{"interface":"eth0"},"softwire":{"mode":"ds-lite","dsLite":{"aftr":"2001:db8::1"}}}""").Config!;
        Assert.Equal("dslite0", c.Softwire.TunnelName);
        Assert.Equal(1460, c.Softwire.Mtu);
        Assert.Equal("2001:db8::1", c.Softwire.DsLite!.Aftr);
    }

    [Fact]
    public void SectionForAnotherMode_IsAWarningNotAnError()
    {
        var r = Read("""{"wan":{"interface":"eth0"},"softwire":{"mode":"map-e","dsLite":{"aftr":"gw.transix.jp"}}}""");
        Assert.NotNull(r.Config);
        Assert.Contains(r.Warnings, w => w.Path == "softwire.dsLite");
    }
}
