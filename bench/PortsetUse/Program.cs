using System.Globalization;
using System.Net;
using Gatewayd.LabTests.Lab;
using Gatewayd.Nftables;

// For each port set (OCN 1008 ports, v6plus 240 ports) and each SNAT form, N UDP flows from distinct LAN sockets to ONE server
// address and port; prints how many the server received and how many blocks they used. Needs root.
var sets = new (string Name, IPAddress Address, IReadOnlyList<PortBlock> Blocks)[]
{
    ("OCN", PortSets.OcnAddress, PortSets.Ocn),
    ("v6plus", IPAddress.Parse("198.51.100.77"), PortSets.V6plus),
};

var results = new List<(string Set, string Form, int Ports, int Delivered)>();
foreach (var (name, address, blocks) in sets)
{
    var ports = blocks.Sum(b => b.Count);
    var gatewayd = RulesetRenderer.Render(new GatewaydRuleset(MapeTopology.TunnelName, new PortSetSnat(address, blocks)));
    var forms = new (string Form, string Script)[]
    {
        ("gatewayd (numgen inc map, address . range)", gatewayd),
        ("gatewayd UdpMapping.EndpointIndependent (jhash)",
            RulesetRenderer.Render(new GatewaydRuleset(MapeTopology.TunnelName, new PortSetSnat(address, blocks, UdpMapping.EndpointIndependent)))),
        ("numgen random instead of inc", gatewayd.Replace("numgen inc", "numgen random", StringComparison.Ordinal)),
        ("sequential snat ip to ADDR:start-end rules (fw4)", Sequential(address, blocks)),
    };
    foreach (var (form, script) in forms)
    {
        using var lab = new MapeTopology(address);
        lab.LoadRouterScript(script);
        var result = await UdpFlows.RunAsync(lab, ports, settle: TimeSpan.FromMilliseconds(100));
        var inSet = result.Arrived.Values.Count(s => s.Address.Equals(address) && PortSets.BlockOf(blocks, s.Port) >= 0);
        var blocksUsed = result.Arrived.Values.Select(s => PortSets.BlockOf(blocks, s.Port)).Where(b => b >= 0).Distinct().Count();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-7} {form,-50} delivered {result.Arrived.Count,4}/{ports} ({inSet} in the port set, {blocksUsed}/{blocks.Count} blocks used)"));
        results.Add((name, form, ports, result.Arrived.Count));
    }
}

var g = results.Where(r => r.Form.StartsWith("gatewayd (", StringComparison.Ordinal)).ToArray();
var s = results.Where(r => r.Form.StartsWith("sequential", StringComparison.Ordinal)).ToArray();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"SUMMARY portset-use: {string.Join("; ", g.Zip(s, (a, b) => $"{a.Set} gatewayd {a.Delivered}/{a.Ports} vs sequential {b.Delivered}/{b.Ports} ({(double)a.Delivered / Math.Max(1, b.Delivered):0.#}x)"))}"));
return 0;

// What OpenWrt's fw4 generates for a MAP-E port set: one rule per block, in order. The first rule always matches.
static string Sequential(IPAddress address, IReadOnlyList<PortBlock> blocks) =>
    "table inet fw4like {\n\tchain srcnat {\n\t\ttype nat hook postrouting priority srcnat; policy accept;\n" +
    string.Concat(blocks.Select(b => string.Create(CultureInfo.InvariantCulture,
        $"\t\toifname \"{MapeTopology.TunnelName}\" meta nfproto ipv4 meta l4proto {{ tcp, udp, icmp }} snat ip to {address}:{b.Start}-{b.End}\n"))) +
    "\t}\n}\n";
