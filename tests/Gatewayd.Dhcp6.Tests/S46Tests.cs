using System.Net;
using Xunit;

namespace Gatewayd.Dhcp6.Tests;

public sealed class S46Tests
{
    [Fact]
    public void Ocn_map_e_container_parses_into_its_fields()
    {
        var container = Assert.IsType<S46ContainerOption>(OptionVectorTests.ParseOne(Vectors.MapEContainer));
        Assert.Equal(Dhcp6OptionCode.S46ContMapE, container.Code);

        S46RuleOption rule = Assert.Single(container.Rules);
        Assert.True(rule.IsForwardingMappingRule);
        Assert.Equal(21, rule.EaLength);
        Assert.Equal(IPNetwork.Parse("153.241.0.0/17"), rule.Ipv4Prefix);
        Assert.Equal(IPNetwork.Parse("2400:4050:4000::/35"), rule.Ipv6Prefix);
        Assert.Equal(5, rule.Ipv6PrefixBytes.Length);

        S46PortParamsOption ports = rule.PortParams!;
        Assert.Equal(6, ports.Offset);
        Assert.Equal(0, ports.PsidLength);

        Assert.Equal(IPAddress.Parse("2001:380:a120::9"), Assert.Single(container.BorderRelays).Address);
        Assert.Null(container.DefaultMappingRule);
    }

    [Fact]
    public void Psid_is_left_aligned_in_its_16_bits()
    {
        // RFC 7598 section 4.5: the first k bits on the left hold the PSID, the rest are zero padding.
        var ports = Assert.IsType<S46PortParamsOption>(OptionVectorTests.ParseOne(
            [/* S46_PORTPARAMS */ 0x00, 0x5d, 0x00, 0x04, /* offset */ 0x06, /* k = 8 */ 0x08, /* PSID 0x34 */ 0x34, 0x00]));
        Assert.Equal(0x34, ports.PsidValue);
    }

    [Fact]
    public void Rule_ipv6_prefix_keeps_trailing_bits_for_a_byte_exact_round_trip()
    {
        byte[] wire = [.. Vectors.MapEContainer];
        wire[20] = 0x5f; // last prefix byte of a /35: bits 36..40 are beyond the length
        var container = Assert.IsType<S46ContainerOption>(OptionVectorTests.ParseOne(wire));
        Assert.Equal(IPNetwork.Parse("2400:4050:4000::/35"), container.Rules[0].Ipv6Prefix);
        Assert.Equal(wire, container.ToArray());
    }

    [Fact]
    public void Dmr_round_trips()
    {
        byte[] wire = [/* S46_DMR */ 0x00, 0x5b, /* len 9 */ 0x00, 0x09, /* /64 */ 0x40, 0x20, 0x01, 0x0d, 0xb8, 0xff, 0xff, 0x00, 0x00];
        var dmr = Assert.IsType<S46DmrOption>(OptionVectorTests.ParseOne(wire));
        Assert.Equal(64, dmr.PrefixLength);
        Assert.Equal(wire, new S46DmrOption(IPNetwork.Parse("2001:db8:ffff::/64")).ToArray());
    }
}
