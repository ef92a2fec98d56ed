using Xunit;

namespace Gatewayd.LabTests.Dhcp6;

public sealed class AcquireRenewTests : IDisposable
{
    private readonly NgnLab _lab = new();

    public void Dispose() => _lab.Dispose();

    [NgnLabFact]
    public void Acquires_A56_WithDuidLl_SolicitingIaPdOnly_AndRenewsWithEchoedTimes()
    {
        _lab.StartKea();
        _lab.StartCapture();
        var files = ClientLab.Prepare(_lab);
        using var gw = ClientLab.Run(_lab, files);
        Assert.Contains("PrefixAcquired 2400:4050:5c71:af00::/56", gw.WaitForLine("PrefixAcquired", ClientLab.Quick));
        Assert.Contains("plan: MAP-E 153.241.113.198 PSID 47 (1008 ports)", gw.WaitForLine("plan: MAP-E", ClientLab.Quick));
        gw.WaitForLine("PrefixRenewed", ClientLab.Quick);
        var wire = _lab.StopCapture();

        // kea's lease file names the client by the DUID it saw: DUID-LL from the CE MAC, as the NGN requires.
        Assert.Contains($"2400:4050:5c71:af00::,{ClientLab.DuidLl(_lab)}", _lab.KeaLeases);

        // tcpdump's own decoder is the witness: the Solicit asks for IA_PD and nothing else.
        var solicit = Assert.Single(wire, l => l.Contains("dhcp6 solicit", StringComparison.Ordinal));
        Assert.Contains("IA_PD IAID:1", solicit);
        Assert.DoesNotContain("IA_NA", solicit);
        Assert.Contains("client-ID hwaddr type 1", solicit);

        // The Renew echoes kea's T1/T2 and lifetimes; zeros are what NTT gear is reported to drop.
        var renew = wire.First(l => l.Contains("dhcp6 renew", StringComparison.Ordinal));
        Assert.Contains("T1:4 T2:6", renew);
        Assert.Contains("pltime:8 vltime:10", renew);
        Assert.Contains(wire, l => l.Contains("dhcp6 reply", StringComparison.Ordinal) && l.Contains("T1:4 T2:6", StringComparison.Ordinal));
    }

    [NgnLabFact]
    public void A60BehindAnHgw_IsHandledLikeA56()
    {
        _lab.StartKea(delegatedLength: 60);
        var files = ClientLab.Prepare(_lab);
        using var gw = ClientLab.Run(_lab, files);
        Assert.Contains("PrefixAcquired 2400:4050:5c71:af00::/60", gw.WaitForLine("PrefixAcquired", ClientLab.Quick));
        // The EA bits are bits 35..55: the /60 gives the same IPv4 and PSID as its /56, the CE from the /60's first /64.
        Assert.Contains("plan: MAP-E 153.241.113.198 PSID 47 (1008 ports) CE 2400:4050:5c71:af00:99:f171:c600:2f00", gw.WaitForLine("plan: MAP-E", ClientLab.Quick));
        gw.WaitForLine("PrefixRenewed", ClientLab.Quick);
    }
}
