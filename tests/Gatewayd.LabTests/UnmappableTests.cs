using System.Net;
using System.Net.Sockets;
using Gatewayd.LabTests.Lab;
using Gatewayd.Nftables;
using Xunit;

namespace Gatewayd.LabTests;

/// <summary>IPv4 that has no port to map (here GRE, protocol 47) must not leave through the tunnel.</summary>
public class UnmappableTests
{
    private const int Gre = 47;

    [LabFact]
    public async Task Gre_TowardTheTunnel_IsDroppedAndCounted_FromLanAndFromTheRouterItself()
    {
        using var lab = new MapeTopology(PortSets.OcnAddress);
        using var tap = Netns.Run(lab.ServerNs, () => Netns.RawIpv4(Gre));
        using var lanSender = Netns.Run(lab.Lan, () => Netns.RawIpv4(Gre));
        using var routerSender = Netns.Run(lab.Router, () => Netns.RawIpv4(Gre));
        var server = new IPEndPoint(MapeTopology.Server, 0);

        // Control: without gatewayd's table the GRE packet reaches the server, so the tap can see it.
        lanSender.SendTo(new byte[8], server);
        Assert.True(await ReceivesAsync(tap, TimeSpan.FromSeconds(2)), "control packet did not reach the server");

        await lab.Nft.ApplyAsync(PortSets.OcnRuleset());
        Assert.Equal(new NftCounterValue(0, 0), await lab.Nft.GetCounterAsync());

        lanSender.SendTo(new byte[8], server);

        // A packet the router itself sends is dropped on the same postrouting hook; the kernel reports that drop as EPERM.
        var local = Assert.Throws<SocketException>(() => routerSender.SendTo(new byte[8], server));
        Assert.Equal(SocketError.AccessDenied, local.SocketErrorCode);

        Assert.False(await ReceivesAsync(tap, TimeSpan.FromMilliseconds(300)), "GRE leaked through the tunnel");
        var counter = await lab.Nft.GetCounterAsync(RulesetRenderer.UnmappableCounterName);
        Assert.Equal(2UL, counter!.Value.Packets);
    }

    private static async Task<bool> ReceivesAsync(Socket raw, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await raw.ReceiveAsync(new byte[1500], timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
