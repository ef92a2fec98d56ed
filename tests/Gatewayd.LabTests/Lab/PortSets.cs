using System.Net;
using Gatewayd.Nftables;

namespace Gatewayd.LabTests.Lab;

/// <summary>Port sets from mape.md, computed here so the lab does not wait on Gatewayd.Softwire.</summary>
internal static class PortSets
{
    /// <summary>OCN worked example: 153.241.113.198, PSID 47, a=6, k=6, m=4: 1776-1791, 2800-2815, ..., 65264-65279.</summary>
    public static readonly IPAddress OcnAddress = IPAddress.Parse("153.241.113.198");

    public static IReadOnlyList<PortBlock> Ocn { get; } = Blocks(a: 6, psid: 47, m: 4);

    /// <summary>v6plus shape: a=4, k=8, m=4, PSID 0x12: 15 blocks of 16 (4384-4399 ... 61728-61743).</summary>
    public static IReadOnlyList<PortBlock> V6plus { get; } = Blocks(a: 4, psid: 0x12, m: 4);

    public static GatewaydRuleset OcnRuleset(UdpMapping udp = UdpMapping.RoundRobin) =>
        new(MapeTopology.TunnelName, new PortSetSnat(OcnAddress, Ocn, udp));

    /// <summary>RFC 7597 section 5.1: for A = 1 .. 2^a - 1, start = (A &lt;&lt; (16 - a)) | (PSID &lt;&lt; m), 2^m ports.</summary>
    public static IReadOnlyList<PortBlock> Blocks(int a, int psid, int m) =>
        Enumerable.Range(1, (1 << a) - 1)
            .Select(i => (i << (16 - a)) | (psid << m))
            .Select(start => new PortBlock(start, start + (1 << m) - 1))
            .ToArray();

    public static int BlockOf(IReadOnlyList<PortBlock> blocks, int port)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i].Contains(port))
            {
                return i;
            }
        }

        return -1;
    }
}
