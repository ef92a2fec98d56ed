using System.Net;

namespace Gatewayd.Softwire.Tests;

/// <summary>The two worked examples of mape.md: an OCN line, and RFC 7597 Appendix A example 1.</summary>
public class MapEWorkedExampleTests
{
    private static readonly MapRule OcnRule = MapRule.Create(
        IPNetwork.Parse("2400:4050:4000::/35"), IPNetwork.Parse("153.241.0.0/17"), 21, 6, IPAddress.Parse("2001:380:a120::9"), "ocn");

    private static readonly MapRule RfcRule = MapRule.Create(
        IPNetwork.Parse("2001:db8::/40"), IPNetwork.Parse("192.0.2.0/24"), 16, 6);

    [Fact]
    public void Calculate_OcnWorkedExample_MatchesReference()
    {
        MapeResult r = MapE.Calculate(IPNetwork.Parse("2400:4050:5c71:af00::/56"), OcnRule);

        Assert.Equal(IPAddress.Parse("153.241.113.198"), r.Ipv4Address);
        Assert.Equal(32, r.Ipv4PrefixLength);
        Assert.Equal(47, r.Psid);
        Assert.Equal(6, r.PsidLength);
        Assert.Equal(IPAddress.Parse("2400:4050:5c71:af00:99:f171:c600:2f00"), r.CeAddress);
        Assert.Equal(IPAddress.Parse("2001:380:a120::9"), r.BrAddress);
        Assert.Equal(InterfaceIdForm.Draft03, r.InterfaceIdForm);
        Assert.True(r.IsPortRestricted);
        Assert.Equal(63, r.PortBlocks.Count);
        Assert.Equal(new PortRange(1776, 1791), r.PortBlocks[0]);
        Assert.Equal(new PortRange(2800, 2815), r.PortBlocks[1]);
        Assert.Equal(new PortRange(65264, 65279), r.PortBlocks[^1]);
        Assert.Equal(1008, r.PortCount);
    }

    [Fact]
    public void Calculate_OcnWorkedExample_CeInterfaceIdBytesAreDraft03Layout()
    {
        MapeResult r = MapE.Calculate(IPNetwork.Parse("2400:4050:5c71:af00::/56"), OcnRule);

        byte[] ce = r.CeAddress.GetAddressBytes();
        byte[] expected =
        [
            0x24, 0x00, 0x40, 0x50, 0x5c, 0x71, 0xaf, 0x00, // PD /56, subnet 0
            0x00,                                           // 8 zero bits
            0x99, 0xf1, 0x71, 0xc6,                         // 153.241.113.198
            0x00, 0x2f,                                     // PSID 47, right-aligned in 16 bits
            0x00,                                           // 8 zero bits
        ];
        Assert.Equal(expected, ce);
    }

    [Fact]
    public void Calculate_Rfc7597AppendixA_MatchesReference()
    {
        MapeResult r = MapE.Calculate(IPNetwork.Parse("2001:db8:12:3400::/56"), RfcRule, InterfaceIdForm.Rfc7597);

        Assert.Equal(IPAddress.Parse("192.0.2.18"), r.Ipv4Address);
        Assert.Equal(0x34, r.Psid);
        Assert.Equal(8, r.PsidLength);
        Assert.Equal(IPAddress.Parse("2001:db8:12:3400:0:c000:212:34"), r.CeAddress);
        Assert.Null(r.BrAddress);
        Assert.Equal(new PortRange(1232, 1235), r.PortBlocks[0]);
        Assert.Equal(new PortRange(64720, 64723), r.PortBlocks[^1]);
        Assert.Equal(63, r.PortBlocks.Count);
        Assert.Equal(63 * 4, r.PortCount);
    }

    [Fact]
    public void Calculate_Rfc7597AppendixA_CeInterfaceIdBytesAreRfcLayout()
    {
        MapeResult r = MapE.Calculate(IPNetwork.Parse("2001:db8:12:3400::/56"), RfcRule, InterfaceIdForm.Rfc7597);

        byte[] iid = r.CeAddress.GetAddressBytes()[8..];
        byte[] expected =
        [
            0x00, 0x00,             // 16 zero bits
            0xc0, 0x00, 0x02, 0x12, // 192.0.2.18
            0x00, 0x34,             // PSID 0x34
        ];
        Assert.Equal(expected, iid);
    }

    [Fact]
    public void Calculate_Rfc7597AppendixAInDraft03Form_ShiftsInterfaceIdByOneByte()
    {
        MapeResult r = MapE.Calculate(IPNetwork.Parse("2001:db8:12:3400::/56"), RfcRule, InterfaceIdForm.Draft03);

        Assert.Equal(IPAddress.Parse("2001:db8:12:3400:c0:2:1200:3400"), r.CeAddress);
    }
}
