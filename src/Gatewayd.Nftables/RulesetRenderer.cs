using System.Globalization;
using System.Net;
using System.Text;

namespace Gatewayd.Nftables;

/// <summary>Turns a <see cref="GatewaydRuleset"/> into the <c>nft -f</c> script that replaces gatewayd's table in one transaction.</summary>
public static class RulesetRenderer
{
    /// <summary>Name of the named counter that counts IPv4 toward the tunnel that cannot be port-mapped (and is dropped).</summary>
    public const string UnmappableCounterName = "unmappable";

    /// <summary>Seed for the endpoint-independent UDP hash. Fixed so the same ruleset always renders the same text.</summary>
    internal const uint JhashSeed = 0x67617465;

    internal const string NatChainName = "postrouting";
    internal const string GuardChainName = "tunnel_egress";
    internal const string ForwardChainName = "forward";

    /// <summary>
    /// Renders the full script for one table: <c>table inet NAME {}</c> (creates it when absent), <c>delete table inet NAME</c>, then
    /// the new table. nft runs one file as one transaction, so the old table stays in force when anything in it fails; nft 1.0.6 has
    /// no <c>destroy</c>, hence the create-then-delete pair. The output depends only on <paramref name="ruleset"/>.
    /// </summary>
    /// <param name="ruleset">What the table should hold.</param>
    /// <returns>The script text, ending in a newline.</returns>
    /// <exception cref="ArgumentException">The ruleset is invalid (bad interface or table name, non-IPv4 address, bad blocks).</exception>
    public static string Render(GatewaydRuleset ruleset) => Render(Plan(ruleset));

    internal static string Render(TablePlan plan)
    {
        var sb = new StringBuilder();
        sb.Append("# gatewayd: replaces table inet ").Append(plan.TableName).Append(" in one transaction; generated, do not edit\n");
        sb.Append("table inet ").Append(plan.TableName).Append(" {}\n");
        sb.Append("delete table inet ").Append(plan.TableName).Append('\n');
        sb.Append("table inet ").Append(plan.TableName).Append(" {\n");
        var first = true;
        foreach (var counter in plan.Counters)
        {
            sb.Append(first ? "" : "\n").Append("\tcounter ").Append(counter).Append(" {\n\t}\n");
            first = false;
        }

        foreach (var chain in plan.Chains)
        {
            sb.Append(first ? "" : "\n").Append("\tchain ").Append(chain.Name).Append(" {\n");
            sb.Append("\t\ttype ").Append(chain.Type).Append(" hook ").Append(chain.Hook).Append(" priority ").Append(chain.PriorityName)
                .Append("; policy accept;\n");
            foreach (var rule in chain.Rules)
            {
                sb.Append("\t\t").Append(rule.Text);
                if (rule.MapElements.Count > 0)
                {
                    sb.Append(" map {\n");
                    for (var i = 0; i < rule.MapElements.Count; i++)
                    {
                        sb.Append("\t\t\t").Append(rule.MapElements[i]).Append(i + 1 < rule.MapElements.Count ? ",\n" : "\n");
                    }

                    sb.Append("\t\t}");
                }

                sb.Append('\n');
            }

            sb.Append("\t}\n");
            first = false;
        }

        sb.Append("}\n");
        return sb.ToString();
    }

    internal static TablePlan Plan(GatewaydRuleset ruleset)
    {
        ArgumentNullException.ThrowIfNull(ruleset);
        NftNames.ValidateTableName(ruleset.TableName);
        NftNames.ValidateInterfaceName(ruleset.TunnelInterface);
        var oif = $"oifname \"{ruleset.TunnelInterface}\"";
        var iif = $"iifname \"{ruleset.TunnelInterface}\"";
        var counters = new List<string>();
        var chains = new List<ChainPlan>();

        switch (ruleset.Nat)
        {
            case PortSetSnat portSet:
            {
                var address = Ipv4(portSet.Address, nameof(PortSetSnat));
                ValidateBlocks(portSet.Blocks);
                var elements = new string[portSet.Blocks.Count];
                for (var i = 0; i < elements.Length; i++)
                {
                    // nft lists a one-port range as the bare port; render it that way so the readback compares equal.
                    var block = portSet.Blocks[i];
                    elements[i] = block.Start == block.End
                        ? string.Create(CultureInfo.InvariantCulture, $"{i} : {address} . {block.Start}")
                        : string.Create(CultureInfo.InvariantCulture, $"{i} : {address} . {block.Start}-{block.End}");
                }

                var n = elements.Length;
                var roundRobin = $"snat ip to numgen inc mod {n}";
                var udpKey = portSet.UdpMapping switch
                {
                    UdpMapping.RoundRobin => roundRobin,
                    UdpMapping.EndpointIndependent => $"snat ip to jhash ip saddr . udp sport mod {n} seed 0x{JhashSeed:x}",
                    _ => throw new ArgumentException($"unknown UDP mapping {portSet.UdpMapping}", nameof(ruleset)),
                };

                // TCP and ICMP echo ids (conntrack maps the id like a port) take the blocks in turn; UDP per the chosen mapping.
                var nat = new ChainPlan(NatChainName, "nat", "postrouting", "srcnat", 100,
                [
                    new RulePlan($"{oif} meta nfproto ipv4 meta l4proto {{ tcp, icmp }} {roundRobin}", elements,
                        new RuleDigest(oif, roundRobin + " map", elements)),
                    new RulePlan($"{oif} meta nfproto ipv4 meta l4proto udp {udpKey}", elements,
                        new RuleDigest(oif, udpKey + " map", elements)),
                ]);

                // Anything else has no port to map: it would leave with a port-less SNAT or a LAN address. Drop it before NAT, in a
                // filter chain on the postrouting hook so forwarded and locally sent packets are both caught, and count it.
                var drop = $"counter name \"{UnmappableCounterName}\" drop";
                var guard = new ChainPlan(GuardChainName, "filter", "postrouting", "filter", 0,
                [
                    new RulePlan($"{oif} meta nfproto ipv4 meta l4proto != {{ tcp, udp, icmp }} {drop}", [], new RuleDigest(oif, drop, [])),
                ]);
                counters.Add(UnmappableCounterName);
                chains.Add(nat);
                chains.Add(guard);
                break;
            }

            case PlainSnat plain:
            {
                var address = Ipv4(plain.Address, nameof(PlainSnat));
                var snat = $"snat ip to {address}";
                chains.Add(new ChainPlan(NatChainName, "nat", "postrouting", "srcnat", 100,
                [
                    new RulePlan($"{oif} meta nfproto ipv4 {snat}", [], new RuleDigest(oif, snat, [])),
                ]));
                break;
            }

            case NoNat:
                break;

            case null:
                throw new ArgumentException("Nat must be set (use NoNat for DS-Lite)", nameof(ruleset));

            default:
                throw new ArgumentException($"unsupported NAT spec {ruleset.Nat.GetType().Name}", nameof(ruleset));
        }

        if (ruleset.ClampMss)
        {
            // `rt mtu` is the MTU of the route the SYN takes, so it fits SYNs and SYN-ACKs leaving through the tunnel. nft never raises
            // an MSS (nft_exthdr skips an increase), so a smaller MSS already in the SYN stays.
            const string clamp = "tcp option maxseg size set rt mtu";
            var rules = new List<RulePlan> { new($"{oif} tcp flags syn {clamp}", [], new RuleDigest(oif, clamp, [])) };
            if (ruleset.TunnelMtu is { } mtu)
            {
                if (mtu is < 576 or > 65535)
                {
                    throw new ArgumentException($"TunnelMtu {mtu} is outside 576..65535", nameof(ruleset));
                }

                var fixedClamp = string.Create(CultureInfo.InvariantCulture, $"tcp option maxseg size set {mtu - 40}");
                rules.Add(new RulePlan($"{iif} tcp flags syn {fixedClamp}", [], new RuleDigest(iif, fixedClamp, [])));
            }

            chains.Add(new ChainPlan(ForwardChainName, "filter", "forward", "filter", 0, rules));
        }

        return new TablePlan(ruleset.TableName, counters, chains);
    }

    private static string Ipv4(IPAddress? address, string owner)
    {
        if (address is null || address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
        {
            throw new ArgumentException($"{owner}.Address must be an IPv4 address, got '{address}'", nameof(address));
        }

        return address.ToString();
    }

    private static void ValidateBlocks(IReadOnlyList<PortBlock>? blocks)
    {
        if (blocks is null || blocks.Count == 0)
        {
            throw new ArgumentException("PortSetSnat needs at least one port block", nameof(blocks));
        }

        foreach (var block in blocks)
        {
            if (block.Start < 0 || block.End > 65535 || block.Start > block.End)
            {
                throw new ArgumentException($"port block {block} is not a range inside 0-65535", nameof(blocks));
            }
        }

        var sorted = blocks.OrderBy(b => b.Start).ToArray();
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i].Start <= sorted[i - 1].End)
            {
                throw new ArgumentException($"port blocks {sorted[i - 1]} and {sorted[i]} overlap", nameof(blocks));
            }
        }
    }
}
