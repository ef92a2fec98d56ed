using System.Net;

namespace Gatewayd.Nftables.Tests;

/// <summary>Port sets from mape.md, computed here so these tests do not depend on Gatewayd.Softwire.</summary>
internal static class PortSets
{
    /// <summary>OCN worked example: PD 2400:4050:5c71:af00::/56 gives 153.241.113.198, PSID 47, a=6, k=6, m=4.</summary>
    public static readonly IPAddress OcnAddress = IPAddress.Parse("153.241.113.198");

    public static IReadOnlyList<PortBlock> Ocn { get; } = Blocks(a: 6, psid: 47, m: 4);

    /// <summary>v6plus shape: a=4, k=8, m=4, PSID 0x12: 15 blocks of 16.</summary>
    public static IReadOnlyList<PortBlock> V6plus { get; } = Blocks(a: 4, psid: 0x12, m: 4);

    /// <summary>RFC 7597 section 5.1: for A = 1 .. 2^a - 1, start = (A &lt;&lt; (16 - a)) | (PSID &lt;&lt; m), 2^m ports.</summary>
    public static IReadOnlyList<PortBlock> Blocks(int a, int psid, int m) =>
        Enumerable.Range(1, (1 << a) - 1)
            .Select(i => (i << (16 - a)) | (psid << m))
            .Select(start => new PortBlock(start, start + (1 << m) - 1))
            .ToArray();
}
