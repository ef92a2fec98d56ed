using System.Net;

namespace Gatewayd.Softwire.Tests;

public class DsLiteTests
{
    [Fact]
    public void Calculate_WithDelegatedPrefix_B4IsColonColon1OfSubnetZero()
    {
        DsLiteResult r = DsLite.Calculate(IPNetwork.Parse("2409:10:ab00:1200::/56"), IPAddress.Parse("2409:10:ab00:1299::5"), "gw.transix.jp");

        Assert.Equal(IPAddress.Parse("2409:10:ab00:1200::1"), r.B4Address);
        Assert.False(r.B4IsWanAddress);
    }

    [Fact]
    public void Calculate_RaOnlyLine_B4IsWanAddress()
    {
        DsLiteResult r = DsLite.Calculate(null, IPAddress.Parse("2409:10:ab00:1200:1a2b:3c4d:5e6f:7081"), "gw.transix.jp");

        Assert.Equal(IPAddress.Parse("2409:10:ab00:1200:1a2b:3c4d:5e6f:7081"), r.B4Address);
        Assert.True(r.B4IsWanAddress);
    }

    [Fact]
    public void Calculate_TunnelAddresses_AreRfc6333Section57()
    {
        DsLiteResult r = DsLite.Calculate(IPNetwork.Parse("2409:10:ab00:1200::/56"), null, "2404:8e00::feed:100");

        Assert.Equal(IPAddress.Parse("192.0.0.2"), r.TunnelIpv4);
        Assert.Equal(29, r.TunnelIpv4PrefixLength);
        Assert.Equal(IPAddress.Parse("192.0.0.1"), r.AftrTunnelIpv4);
    }

    [Fact]
    public void Calculate_AftrAddress_IsAddressNotName()
    {
        DsLiteResult r = DsLite.Calculate(IPNetwork.Parse("2409:10:ab00:1200::/56"), null, "2404:8e00::feed:100");

        Assert.Equal(IPAddress.Parse("2404:8e00::feed:100"), r.AftrAddress);
        Assert.Null(r.AftrName);
    }

    [Theory]
    [InlineData("gw.transix.jp", "gw.transix.jp")]
    [InlineData("DGW.xpass.jp.", "dgw.xpass.jp")]
    [InlineData("dslite-aftr1.example", "dslite-aftr1.example")]
    public void Calculate_AftrName_IsNameNotAddress(string aftr, string expected)
    {
        DsLiteResult r = DsLite.Calculate(IPNetwork.Parse("2409:10:ab00:1200::/56"), null, aftr);

        Assert.Null(r.AftrAddress);
        Assert.Equal(expected, r.AftrName);
    }

    [Theory]
    [InlineData("", "AFTR is empty")]
    [InlineData("gw..transix.jp", "label '' must have 1..63 characters")]
    [InlineData("-gw.transix.jp", "starts or ends with a hyphen")]
    [InlineData("gw_1.transix.jp", "characters other than letters, digits and hyphens")]
    [InlineData("192.0.2.1", "is all digits")]
    [InlineData("2404:8e00::zz", "'2404:8e00::zz' is not an IPv6 address")]
    [InlineData("fe80::1", "not a global IPv6 unicast address")]
    public void Calculate_BadAftr_IsRejected(string aftr, string expected)
    {
        var e = Assert.Throws<SoftwireException>(() => DsLite.Calculate(IPNetwork.Parse("2409:10:ab00:1200::/56"), null, aftr));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_NameLongerThan253_IsRejected()
    {
        string name = string.Join('.', Enumerable.Repeat(new string('a', 63), 4));

        Assert.Throws<SoftwireException>(() => DsLite.Calculate(IPNetwork.Parse("2409:10:ab00:1200::/56"), null, name));
    }

    [Fact]
    public void Calculate_NoPrefixAndNoWanAddress_IsRejected()
    {
        var e = Assert.Throws<SoftwireException>(() => DsLite.Calculate(null, null, "gw.transix.jp"));

        Assert.Contains("needs a delegated prefix or a global WAN IPv6 address", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fe80::1")]
    [InlineData("::1")]
    [InlineData("192.0.2.1")]
    public void Calculate_WanAddressNotGlobal_IsRejected(string wan)
    {
        Assert.Throws<SoftwireException>(() => DsLite.Calculate(null, IPAddress.Parse(wan), "gw.transix.jp"));
    }
}
