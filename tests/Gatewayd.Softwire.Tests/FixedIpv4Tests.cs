using System.Net;

namespace Gatewayd.Softwire.Tests;

public class FixedIpv4Tests
{
    private static readonly IPAddress Ipv4 = IPAddress.Parse("203.0.113.7");
    private static readonly IPAddress Br = IPAddress.Parse("2404:9200:225:100::65");

    [Theory]
    [InlineData("2400:4050:5c71:af00::/56")]
    [InlineData("2400:4050:5c71:af00::/64")]
    public void Calculate_InterfaceId_IsAppendedToSubnetZero(string prefix)
    {
        FixedIpv4Result r = FixedIpv4.Calculate(IPNetwork.Parse(prefix), IPAddress.Parse("::1:2:3:4"), Ipv4, Br);

        Assert.Equal(IPAddress.Parse("2400:4050:5c71:af00:1:2:3:4"), r.CeAddress);
        Assert.Equal(Ipv4, r.Ipv4Address);
        Assert.Equal(Br, r.BrAddress);
    }

    [Fact]
    public void Calculate_InterfaceIdWithUpperBits_IsRejected()
    {
        var e = Assert.Throws<SoftwireException>(
            () => FixedIpv4.Calculate(IPNetwork.Parse("2400:4050:5c71:af00::/56"), IPAddress.Parse("1::1:2:3:4"), Ipv4, Br));

        Assert.Contains("interface id 1::1:2:3:4 has bits set in its upper 64 bits", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("::", "2400:4050:5c71:af00::/56", "203.0.113.7", "2404:9200:225:100::65", "all zeros")]
    [InlineData("0.0.0.1", "2400:4050:5c71:af00::/56", "203.0.113.7", "2404:9200:225:100::65", "must be written as an IPv6 address")]
    [InlineData("::1:2:3:4", "2400:4050:5c71:af00::/56", "::cb00:7107", "2404:9200:225:100::65", "is not an IPv4 address")]
    [InlineData("::1:2:3:4", "2400:4050:5c71:af00::/56", "203.0.113.7", "203.0.113.1", "must be a unicast IPv6 address")]
    [InlineData("::1:2:3:4", "2400:4050:5c71:af00::/72", "203.0.113.7", "2404:9200:225:100::65", "/64 or shorter")]
    [InlineData("::1:2:3:4", "10.0.0.0/8", "203.0.113.7", "2404:9200:225:100::65", "/64 or shorter")]
    public void Calculate_BadArgument_IsRejected(string iid, string prefix, string ipv4, string br, string expected)
    {
        var e = Assert.Throws<SoftwireException>(
            () => FixedIpv4.Calculate(IPNetwork.Parse(prefix), IPAddress.Parse(iid), IPAddress.Parse(ipv4), IPAddress.Parse(br)));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}
