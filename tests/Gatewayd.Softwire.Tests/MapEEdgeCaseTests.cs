using System.Net;

namespace Gatewayd.Softwire.Tests;

/// <summary>Corners of RFC 7597 sections 5.1-5.2 and of the prefixes users actually have (/48, /60, /64).</summary>
public class MapEEdgeCaseTests
{
    private static readonly IPNetwork RfcV6 = IPNetwork.Parse("2001:db8::/40");
    private static readonly IPNetwork RfcV4 = IPNetwork.Parse("192.0.2.0/24");
    private static readonly MapRule OcnRule = MapRule.Parse("2400:4050:4000::/35,153.241.0.0/17,21,6,2001:380:a120::9");

    [Fact]
    public void Calculate_EaBitsFillIpv4Suffix_GivesFullAddressAndAllPorts()
    {
        // p4 + o = 32: k = 0, one CE per address (RFC 7597 section 5.2).
        var rule = MapRule.Create(RfcV6, RfcV4, 8, 6);

        MapeResult r = MapE.Calculate(IPNetwork.Parse("2001:db8:12::/48"), rule, InterfaceIdForm.Rfc7597);

        Assert.Equal(IPAddress.Parse("192.0.2.18"), r.Ipv4Address);
        Assert.Equal(32, r.Ipv4PrefixLength);
        Assert.Equal(0, r.Psid);
        Assert.Equal(0, r.PsidLength);
        Assert.False(r.IsPortRestricted);
        Assert.Equal([new PortRange(0, 65535)], r.PortBlocks);
        Assert.Equal(65536, r.PortCount);
        Assert.Equal(IPAddress.Parse("2001:db8:12:0:0:c000:212:0"), r.CeAddress);
    }

    [Fact]
    public void Calculate_EaBitsShorterThanIpv4Suffix_AssignsIpv4Prefix()
    {
        // RFC 7597 section 5.2: "If o + r < 32, then an IPv4 prefix is assigned"; the IID carries it zero-padded, PSID 0 (section 6).
        var rule = MapRule.Create(RfcV6, IPNetwork.Parse("10.0.0.0/8"), 16, 6);

        MapeResult r = MapE.Calculate(IPNetwork.Parse("2001:db8:12:3400::/56"), rule, InterfaceIdForm.Rfc7597);

        Assert.Equal(IPAddress.Parse("10.18.52.0"), r.Ipv4Address);
        Assert.Equal(24, r.Ipv4PrefixLength);
        Assert.Equal(IPNetwork.Parse("10.18.52.0/24"), r.Ipv4Network);
        Assert.Equal(0, r.Psid);
        Assert.False(r.IsPortRestricted);
        Assert.Equal([new PortRange(0, 65535)], r.PortBlocks);
        Assert.Equal(IPAddress.Parse("2001:db8:12:3400:0:a12:3400:0"), r.CeAddress);
    }

    [Fact]
    public void Calculate_ZeroPsidOffset_GivesSingleContiguousBlock()
    {
        var rule = MapRule.Create(RfcV6, RfcV4, 16, 0);

        MapeResult r = MapE.Calculate(IPNetwork.Parse("2001:db8:12:3400::/56"), rule);

        // k = 8, m = 8: PSID 0x34 owns 0x3400-0x34ff.
        Assert.Equal([new PortRange(0x3400, 0x34ff)], r.PortBlocks);
        Assert.Equal(256, r.PortCount);
    }

    [Fact]
    public void Calculate_PsidOffsetAbove6_FirstBlockStartsBelow1024()
    {
        // a = 8, k = 8, m = 0: 255 single-port blocks; A = 1 gives 256 + PSID (RFC 7597 section 5.1 formula, no extra exclusion).
        var rule = MapRule.Create(RfcV6, RfcV4, 16, 8);

        MapeResult r = MapE.Calculate(IPNetwork.Parse("2001:db8:12:3400::/56"), rule);

        Assert.Equal(255, r.PortBlocks.Count);
        Assert.Equal(new PortRange(308, 308), r.PortBlocks[0]);
        Assert.Equal(new PortRange(65332, 65332), r.PortBlocks[^1]);
        Assert.Equal(255, r.PortCount);
    }

    [Fact]
    public void Calculate_PsidFillsAllPortBits_GivesOnePort()
    {
        // a = 0, k = 16, m = 0: the PSID is the port.
        var rule = MapRule.Create(RfcV6, IPNetwork.Parse("192.0.2.0/32"), 16, 0);

        MapeResult r = MapE.Calculate(IPNetwork.Parse("2001:db8:12:3400::/56"), rule);

        Assert.Equal(IPAddress.Parse("192.0.2.0"), r.Ipv4Address);
        Assert.Equal([new PortRange(0x1234, 0x1234)], r.PortBlocks);
    }

    [Theory]
    [InlineData("2400:4050:5c71:af00::/60", "2400:4050:5c71:af00:99:f171:c600:2f00")]
    [InlineData("2400:4050:5c71:afa0::/60", "2400:4050:5c71:afa0:99:f171:c600:2f00")]
    [InlineData("2400:4050:5c71:af23::/64", "2400:4050:5c71:af23:99:f171:c600:2f00")]
    public void Calculate_PrefixLongerThanSlash56_KeepsIpv4AndPsidAndUsesItsOwnFirstSlash64(string prefix, string ce)
    {
        MapeResult r = MapE.Calculate(IPNetwork.Parse(prefix), OcnRule);

        Assert.Equal(IPAddress.Parse("153.241.113.198"), r.Ipv4Address);
        Assert.Equal(47, r.Psid);
        Assert.Equal(IPAddress.Parse(ce), r.CeAddress);
    }

    [Fact]
    public void Calculate_PrefixLongerThanSlash64_OverwritesTopOfInterfaceId()
    {
        // RFC 7597 section 6: with an end-user prefix longer than /64 the prefix overwrites the top of the interface id.
        MapeResult r = MapE.Calculate(IPNetwork.Parse("2400:4050:5c71:af00:ab00::/72"), OcnRule);

        Assert.Equal(IPAddress.Parse("2400:4050:5c71:af00:ab99:f171:c600:2f00"), r.CeAddress);
    }

    [Fact]
    public void Calculate_PrefixShorterThanRuleNeeds_ThrowsNamingBothLengths()
    {
        var e = Assert.Throws<SoftwireException>(() => MapE.Calculate(IPNetwork.Parse("2400:4050:5c71::/48"), OcnRule));

        Assert.Contains("/48", e.Message, StringComparison.Ordinal);
        Assert.Contains("shorter than the /56", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2400:4050:2000::/56")]
    [InlineData("2001:db8::/56")]
    [InlineData("2400:4050::/30")]
    public void Calculate_PrefixOutsideRule_Throws(string prefix)
    {
        var e = Assert.Throws<SoftwireException>(() => MapE.Calculate(IPNetwork.Parse(prefix), OcnRule));

        Assert.Contains("not inside the rule's IPv6 prefix 2400:4050:4000::/35", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_Ipv4Prefix_Throws()
    {
        var e = Assert.Throws<SoftwireException>(() => MapE.Calculate(IPNetwork.Parse("10.0.0.0/8"), OcnRule));

        Assert.Contains("not an IPv6 prefix", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_InvalidRuleBuiltWithConstructor_IsRejected()
    {
        var rule = new MapRule(RfcV6, RfcV4, 16, 9);

        var e = Assert.Throws<SoftwireException>(() => MapE.Calculate(IPNetwork.Parse("2001:db8:12:3400::/56"), rule));

        Assert.Contains("psidOffset", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_OcnRuleInRfcForm_MovesIpv4OneByteLeft()
    {
        MapeResult r = MapE.Calculate(IPNetwork.Parse("2400:4050:5c71:af00::/56"), OcnRule, InterfaceIdForm.Rfc7597);

        Assert.Equal(IPAddress.Parse("2400:4050:5c71:af00:0:99f1:71c6:2f"), r.CeAddress);
    }
}
