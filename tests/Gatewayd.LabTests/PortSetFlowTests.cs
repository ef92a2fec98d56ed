using System.Net;
using System.Net.Sockets;
using Gatewayd.LabTests.Lab;
using Gatewayd.Nftables;
using Xunit;

namespace Gatewayd.LabTests;

/// <summary>Real UDP flows through the router's port-set SNAT, counted at the server.</summary>
public class PortSetFlowTests
{
    [LabFact]
    public async Task Ocn_1008FlowsToOneDestination_AllArriveInTheSet16PerBlock_And1009thIsDropped()
    {
        using var lab = new MapeTopology(PortSets.OcnAddress);
        await lab.Nft.ApplyAsync(PortSets.OcnRuleset());

        var result = await UdpFlows.RunAsync(lab, flows: 1009);

        AssertEvenlySpread(result, PortSets.OcnAddress, PortSets.Ocn, expectedDelivered: 1008);
        Assert.False(result.Arrived.ContainsKey(1008), "the 1009th flow must be dropped: every port toward this destination is taken");
    }

    [LabFact]
    public async Task V6plus_240FlowsToOneDestination_AllArriveInTheSet16PerBlock_And241stIsDropped()
    {
        var address = IPAddress.Parse("198.51.100.77");
        using var lab = new MapeTopology(address);
        await lab.Nft.ApplyAsync(new GatewaydRuleset(MapeTopology.TunnelName, new PortSetSnat(address, PortSets.V6plus)));

        var result = await UdpFlows.RunAsync(lab, flows: 241);

        AssertEvenlySpread(result, address, PortSets.V6plus, expectedDelivered: 240);
        Assert.False(result.Arrived.ContainsKey(240));
    }

    [LabFact]
    public async Task UdpMapping_OneSocketToTwoPeers_KeepsItsPortOnlyWhenEndpointIndependent()
    {
        Assert.Equal(1, await DistinctExternalPortsAsync(UdpMapping.EndpointIndependent));

        // Control: round robin puts the second flow of the same socket into the next block.
        Assert.Equal(2, await DistinctExternalPortsAsync(UdpMapping.RoundRobin));
    }

    private static async Task<int> DistinctExternalPortsAsync(UdpMapping mapping)
    {
        using var lab = new MapeTopology(PortSets.OcnAddress);
        await lab.Nft.ApplyAsync(PortSets.OcnRuleset(mapping));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var servers = Netns.Run(lab.ServerNs, () => new[] { 9000, 9001 }.Select(port =>
        {
            var s = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            s.Bind(new IPEndPoint(MapeTopology.Server, port));
            return s;
        }).ToArray());
        using var client = Netns.Run(lab.Lan, () => new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp));
        try
        {
            var ports = new List<int>();
            foreach (var server in servers)
            {
                client.SendTo("hi"u8.ToArray(), server.LocalEndPoint!);
                var r = await server.ReceiveFromAsync(new byte[16], SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), timeout.Token);
                var source = (IPEndPoint)r.RemoteEndPoint;
                Assert.Equal(PortSets.OcnAddress, source.Address);
                Assert.NotEqual(-1, PortSets.BlockOf(PortSets.Ocn, source.Port));
                ports.Add(source.Port);
            }

            return ports.Distinct().Count();
        }
        finally
        {
            foreach (var s in servers)
            {
                s.Dispose();
            }
        }
    }

    internal static void AssertEvenlySpread(UdpFlowResult result, IPAddress address, IReadOnlyList<PortBlock> blocks, int expectedDelivered)
    {
        Assert.Equal(0, result.Duplicates);
        Assert.Equal(expectedDelivered, result.Arrived.Count);
        Assert.All(result.Arrived.Values, source => Assert.Equal(address, source.Address));
        var ports = result.Arrived.Values.Select(s => s.Port).ToArray();
        Assert.Equal(ports.Length, ports.Distinct().Count());
        var outside = ports.Where(p => PortSets.BlockOf(blocks, p) < 0).ToArray();
        Assert.True(outside.Length == 0, $"ports outside the set: {string.Join(", ", outside.Take(10))}");
        var perBlock = ports.GroupBy(p => PortSets.BlockOf(blocks, p)).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(blocks.Count, perBlock.Count);
        Assert.All(perBlock.Values, n => Assert.Equal(blocks[0].Count, n));
    }
}
