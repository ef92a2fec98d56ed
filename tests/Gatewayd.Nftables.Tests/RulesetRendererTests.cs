using System.Net;
using Xunit;

namespace Gatewayd.Nftables.Tests;

public class RulesetRendererTests
{
    [Fact]
    public void Render_TwoBlockPortSet_IsExactScript()
    {
        var ruleset = new GatewaydRuleset("mape0", new PortSetSnat(PortSets.OcnAddress, PortSets.Ocn.Take(2).ToArray()));

        const string expected = """
            # gatewayd: replaces table inet gatewayd in one transaction; generated, do not edit
            table inet gatewayd {}
            delete table inet gatewayd
            table inet gatewayd {
            	counter unmappable {
            	}

            	chain postrouting {
            		type nat hook postrouting priority srcnat; policy accept;
            		oifname "mape0" meta nfproto ipv4 meta l4proto { tcp, icmp } snat ip to numgen inc mod 2 map {
            			0 : 153.241.113.198 . 1776-1791,
            			1 : 153.241.113.198 . 2800-2815
            		}
            		oifname "mape0" meta nfproto ipv4 meta l4proto udp snat ip to numgen inc mod 2 map {
            			0 : 153.241.113.198 . 1776-1791,
            			1 : 153.241.113.198 . 2800-2815
            		}
            	}

            	chain tunnel_egress {
            		type filter hook postrouting priority filter; policy accept;
            		oifname "mape0" meta nfproto ipv4 meta l4proto != { tcp, udp, icmp } counter name "unmappable" drop
            	}

            	chain forward {
            		type filter hook forward priority filter; policy accept;
            		oifname "mape0" tcp flags syn tcp option maxseg size set rt mtu
            	}
            }

            """;
        Assert.Equal(expected, RulesetRenderer.Render(ruleset));
    }

    [Fact]
    public void Render_OcnWorkedExample_MapsAll63BlocksInBothNatRules()
    {
        var script = RulesetRenderer.Render(new GatewaydRuleset("mape0", new PortSetSnat(PortSets.OcnAddress, PortSets.Ocn)));
        var lines = script.Split('\n');

        Assert.Equal(2, lines.Count(l => l.Contains("snat ip to numgen inc mod 63 map {", StringComparison.Ordinal)));
        var elements = lines.Where(l => l.StartsWith("\t\t\t", StringComparison.Ordinal)).Select(l => l.Trim().TrimEnd(',')).ToArray();
        Assert.Equal(126, elements.Length);
        Assert.Equal("0 : 153.241.113.198 . 1776-1791", elements[0]);
        Assert.Equal("1 : 153.241.113.198 . 2800-2815", elements[1]);
        Assert.Equal("62 : 153.241.113.198 . 65264-65279", elements[62]);
        Assert.Equal(elements[..63], elements[63..]);
        for (var i = 0; i < 63; i++)
        {
            var start = ((i + 1) << 10) | (47 << 4);
            Assert.Equal($"{i} : 153.241.113.198 . {start}-{start + 15}", elements[i]);
        }

        Assert.Equal(1008, PortSets.Ocn.Sum(b => b.Count));
        Assert.DoesNotContain("flush", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_V6plusShape_Maps15BlocksOf16()
    {
        var script = RulesetRenderer.Render(new GatewaydRuleset("mape0", new PortSetSnat(IPAddress.Parse("203.0.113.7"), PortSets.V6plus)));

        Assert.Equal(2, script.Split('\n').Count(l => l.EndsWith("snat ip to numgen inc mod 15 map {", StringComparison.Ordinal)));
        Assert.Contains("\t\t\t0 : 203.0.113.7 . 4384-4399,\n", script, StringComparison.Ordinal);
        Assert.Contains("\t\t\t14 : 203.0.113.7 . 61728-61743\n", script, StringComparison.Ordinal);
        Assert.Equal(240, PortSets.V6plus.Sum(b => b.Count));
    }

    [Fact]
    public void Render_EndpointIndependentUdp_HashesSourceAddressAndPort()
    {
        var script = RulesetRenderer.Render(new GatewaydRuleset("mape0",
            new PortSetSnat(PortSets.OcnAddress, PortSets.Ocn, UdpMapping.EndpointIndependent)));

        Assert.Contains("meta l4proto { tcp, icmp } snat ip to numgen inc mod 63 map {", script, StringComparison.Ordinal);
        Assert.Contains("meta l4proto udp snat ip to jhash ip saddr . udp sport mod 63 seed 0x67617465 map {", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SameInputTwice_GivesIdenticalText()
    {
        var a = RulesetRenderer.Render(new GatewaydRuleset("mape0", new PortSetSnat(PortSets.OcnAddress, PortSets.Ocn.ToList())));
        var b = RulesetRenderer.Render(new GatewaydRuleset("mape0", new PortSetSnat(IPAddress.Parse("153.241.113.198"), PortSets.Ocn.ToArray())));

        Assert.Equal(a, b);
    }

    [Fact]
    public void Render_PlainSnat_IsExactScript()
    {
        const string expected = """
            # gatewayd: replaces table inet gatewayd in one transaction; generated, do not edit
            table inet gatewayd {}
            delete table inet gatewayd
            table inet gatewayd {
            	chain postrouting {
            		type nat hook postrouting priority srcnat; policy accept;
            		oifname "ipip0" meta nfproto ipv4 snat ip to 203.0.113.9
            	}

            	chain forward {
            		type filter hook forward priority filter; policy accept;
            		oifname "ipip0" tcp flags syn tcp option maxseg size set rt mtu
            		iifname "ipip0" tcp flags syn tcp option maxseg size set 1420
            	}
            }

            """;
        var ruleset = new GatewaydRuleset("ipip0", new PlainSnat(IPAddress.Parse("203.0.113.9"))) { TunnelMtu = 1460 };

        Assert.Equal(expected, RulesetRenderer.Render(ruleset));
    }

    [Fact]
    public void Render_NoNat_HasOnlyTheMssClamp()
    {
        const string expected = """
            # gatewayd: replaces table inet gw-test in one transaction; generated, do not edit
            table inet gw-test {}
            delete table inet gw-test
            table inet gw-test {
            	chain forward {
            		type filter hook forward priority filter; policy accept;
            		oifname "dslite0" tcp flags syn tcp option maxseg size set rt mtu
            	}
            }

            """;

        Assert.Equal(expected, RulesetRenderer.Render(new GatewaydRuleset("dslite0", new NoNat(), TableName: "gw-test")));
        Assert.DoesNotContain("chain", RulesetRenderer.Render(new GatewaydRuleset("dslite0", new NoNat(), ClampMss: false)), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SinglePortBlocks_UseTheBarePortAsNftListsIt()
    {
        var script = RulesetRenderer.Render(new GatewaydRuleset("mape0",
            new PortSetSnat(PortSets.OcnAddress, [new PortBlock(1776, 1776), new PortBlock(2800, 2815)])));

        Assert.Contains("\t\t\t0 : 153.241.113.198 . 1776,\n", script, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abcdefghijklmnop")] // 16 characters: IFNAMSIZ is 16 including the NUL
    [InlineData("wan/0")]
    [InlineData("wan 0")]
    [InlineData("wan\t0")]
    [InlineData("map\"e")]
    [InlineData("map'e")]
    [InlineData("map\\e")]
    [InlineData("mape*")]
    [InlineData("wan:1")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("mape0\n")]
    [InlineData("mäpe0")]
    public void Render_InvalidInterfaceName_Throws(string name)
    {
        var e = Assert.Throws<ArgumentException>(() => RulesetRenderer.Render(new GatewaydRuleset(name, new NoNat())));
        Assert.Contains("interface name", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mape0")]
    [InlineData("abcdefghijklmno")] // 15 characters
    [InlineData("wan.100")]
    [InlineData("br-lan")]
    [InlineData("ip6tnl_1")]
    public void Render_ValidInterfaceName_IsQuoted(string name)
    {
        Assert.Contains($"oifname \"{name}\" tcp flags syn", RulesetRenderer.Render(new GatewaydRuleset(name, new NoNat())), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1table")]
    [InlineData("gate way")]
    [InlineData("gate;flush")]
    [InlineData("gate\"way")]
    public void Render_InvalidTableName_Throws(string name)
    {
        var e = Assert.Throws<ArgumentException>(() => RulesetRenderer.Render(new GatewaydRuleset("mape0", new NoNat(), TableName: name)));
        Assert.Contains("table name", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Ipv6Address_Throws()
    {
        Assert.Throws<ArgumentException>(() => RulesetRenderer.Render(new GatewaydRuleset("mape0",
            new PortSetSnat(IPAddress.Parse("2001:db8::1"), PortSets.Ocn))));
        Assert.Throws<ArgumentException>(() => RulesetRenderer.Render(new GatewaydRuleset("mape0",
            new PlainSnat(IPAddress.Parse("::ffff:192.0.2.1")))));
    }

    [Theory]
    [InlineData(100, 99)]
    [InlineData(-1, 15)]
    [InlineData(65530, 65536)]
    public void Render_BadPortBlock_Throws(int start, int end)
    {
        Assert.Throws<ArgumentException>(() => RulesetRenderer.Render(new GatewaydRuleset("mape0",
            new PortSetSnat(PortSets.OcnAddress, [new PortBlock(start, end)]))));
    }

    [Fact]
    public void Render_OverlappingOrNoBlocks_Throws()
    {
        Assert.Contains("overlap", Assert.Throws<ArgumentException>(() => RulesetRenderer.Render(new GatewaydRuleset("mape0",
            new PortSetSnat(PortSets.OcnAddress, [new PortBlock(2800, 2815), new PortBlock(1776, 2800)])))).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => RulesetRenderer.Render(new GatewaydRuleset("mape0", new PortSetSnat(PortSets.OcnAddress, []))));
    }

    [Fact]
    public void Render_TunnelMtuOutOfRange_Throws()
    {
        Assert.Throws<ArgumentException>(() => RulesetRenderer.Render(new GatewaydRuleset("mape0", new NoNat()) { TunnelMtu = 100 }));
    }
}
