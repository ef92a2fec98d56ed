using System.Diagnostics;
using System.Net;
using System.Runtime.Versioning;
using Gatewayd.Ndp.LabTests.Lab;
using Xunit.Abstractions;

namespace Gatewayd.Ndp.LabTests;

/// <summary>gatewayd's RA path against radvd and crafted packets, across a veth between two namespaces on the host kernel.</summary>
[SupportedOSPlatform("linux")]
public sealed class RaListenerLabTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [LabFact]
    public async Task Radvd_ra_arrives_in_answer_to_our_rs_with_every_ngn_field()
    {
        using var link = new NgnLink();
        using var radvd = new Radvd(link);
        // Let radvd's start-up RA go by, so the first RA gatewayd sees must be the answer to its RS.
        radvd.WaitForLog("sending RA to ff02::1", Timeout);
        using Icmp6Socket rsCatcher = Netns.Run(link.Ngn, () => Icmp6Socket.Open(NgnLink.NgnInterface, (byte)NdpMessageType.RouterSolicitation));
        Task<((byte[] Message, IPAddress Source)?, long)> rsArrival = rsCatcher.ReceiveOnOwnThread(Timeout);

        await using var ce = new CeDaemon(link);
        ReceivedRouterAdvertisement first = await ce.Listener.FirstAdvertisement.WaitAsync(Timeout);
        ((byte[] Message, IPAddress Source)? rs, long rsTimestamp) = await rsArrival;

        TimeSpan startToRa = Stopwatch.GetElapsedTime(ce.StartTimestamp, first.ReceivedTimestamp);
        Assert.NotNull(rs);
        TimeSpan rsToRa = Stopwatch.GetElapsedTime(rsTimestamp, first.ReceivedTimestamp);
        output.WriteLine($"start -> first RA {startToRa.TotalMilliseconds:F1} ms; RS seen on ngn0 -> RA received {rsToRa.TotalMilliseconds:F1} ms; RA to {first.Destination}");
        output.WriteLine(ce.Diagnostics);

        // The RS: from our link-local, SLLA = our MAC read from the CE's /sys (RFC 4861 section 4.1).
        Assert.Equal(link.CeLinkLocal, new IPAddress(rs.Value.Source.GetAddressBytes()));
        Assert.True(RouterSolicitation.TryParse(rs.Value.Message, out RouterSolicitation? solicitation, out NdpParseError? rsError), rsError?.ToString());
        Assert.Equal(NgnLink.CeMac, string.Join(':', solicitation.SourceLinkLayerAddress!.Value.ToArray().Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture))));

        // The answer: unicast to our link-local (radvd's AdvRASolicitedUnicast, RFC 7772), which only a reply to our RS
        // can be, and well inside radvd's 3-4 s interval.
        Assert.Equal(link.CeLinkLocal, new IPAddress(first.Destination!.GetAddressBytes()));
        Assert.True(startToRa < TimeSpan.FromSeconds(2), $"first RA after {startToRa.TotalMilliseconds} ms\n{ce.Diagnostics}");
        await WaitUntil(() => ce.Listener.Statistics.SolicitationsSent == 1, ce);

        RouterAdvertisement ra = first.Advertisement;
        Assert.Equal(link.NgnLinkLocal, new IPAddress(first.Source.GetAddressBytes()));
        Assert.True(ra.Managed);
        Assert.True(ra.OtherConfiguration);
        Assert.Equal((ushort)1800, ra.RouterLifetimeSeconds);
        Assert.Equal(300000u, ra.ReachableTimeMilliseconds);
        Assert.Equal(10000u, ra.RetransTimerMilliseconds);
        Assert.Equal(1500u, ra.Mtu);
        PrefixInformationOption pio = Assert.Single(ra.Prefixes);
        Assert.Equal(IPNetwork.Parse(Radvd.Prefix), pio.Prefix);
        Assert.True(pio.OnLink);
        Assert.True(pio.Autonomous);
        Assert.Equal([IPAddress.Parse(Radvd.DnsServer)], Assert.Single(ra.RecursiveDnsServers).Servers);
        Assert.Equal([Radvd.SearchDomain], Assert.Single(ra.DnsSearchLists).DomainNames);
        Assert.Equal(NgnLink.NgnMac, string.Join(':', ra.SourceLinkLayerAddress!.Value.ToArray().Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture))));

        // And the tracker's view of it.
        DefaultRouterAppeared appeared = await ce.NextEventAsync<DefaultRouterAppeared>(Timeout);
        Assert.Equal(link.NgnLinkLocal, new IPAddress(appeared.Router.Address.GetAddressBytes()));
        Assert.Equal(TimeSpan.FromSeconds(1800), appeared.Router.Lifetime);
        Assert.Equal(NgnLink.NgnMac, appeared.Router.LinkLayerAddress);
        Assert.True(ce.Tracker.Managed);
        Assert.True(ce.Tracker.OtherConfiguration);
        Assert.Equal(1500u, ce.Tracker.Mtu);
        Assert.Equal(IPNetwork.Parse(Radvd.Prefix), Assert.Single(ce.Tracker.OnLinkPrefixes).Prefix);
        Assert.Equal([IPAddress.Parse(Radvd.DnsServer)], ce.Tracker.DnsServers);
        Assert.Equal([Radvd.SearchDomain], ce.Tracker.SearchDomains);
    }

    [LabFact]
    public async Task Crafted_ra_with_hop_limit_64_is_dropped_and_the_same_with_255_accepted()
    {
        using var link = new NgnLink();
        using Icmp6Socket sender = Netns.Run(link.Ngn, () => Icmp6Socket.Open(NgnLink.NgnInterface, (byte)NdpMessageType.RouterSolicitation));
        await using var ce = new CeDaemon(link);
        byte[] crafted = new RouterAdvertisement(64, managed: true, otherConfiguration: true, RouterPreference.High, 1234, 300000, 10000,
            new SourceLinkLayerAddressOption(Convert.FromHexString(NgnLink.NgnMac.Replace(":", string.Empty, StringComparison.Ordinal))),
            new MtuOption(1500),
            new PrefixInformationOption(IPNetwork.Parse(Radvd.Prefix), onLink: true, autonomous: true, 14400, 12600)).ToArray();

        // One router hop away: the kernel delivers it to raw sockets, gatewayd must not believe it (RFC 4861 section 6.1.2).
        sender.SendMulticast(crafted, NdpConstants.AllNodes, hopLimit: 64);
        await WaitUntil(() => ce.ListenerLog.Lines.Any(l => l.Contains("dropped RA", StringComparison.Ordinal)), ce);
        string drop = Assert.Single(ce.ListenerLog.Lines, l => l.Contains("dropped RA", StringComparison.Ordinal));
        output.WriteLine(drop);
        Assert.Contains("hop limit 64, must be 255", drop, StringComparison.Ordinal);
        Assert.Contains(link.NgnLinkLocal.ToString(), drop, StringComparison.Ordinal);
        Assert.Equal(0, ce.Listener.Statistics.Accepted);
        Assert.False(ce.Listener.FirstAdvertisement.IsCompleted);

        sender.SendMulticast(crafted, NdpConstants.AllNodes, hopLimit: 255);
        ReceivedRouterAdvertisement accepted = await ce.Listener.FirstAdvertisement.WaitAsync(Timeout);

        Assert.Equal(link.NgnLinkLocal, new IPAddress(accepted.Source.GetAddressBytes()));
        Assert.Equal(NdpConstants.AllNodes, accepted.Destination);
        Assert.Equal((ushort)1234, accepted.Advertisement.RouterLifetimeSeconds);
        Assert.Equal(1, ce.Listener.Statistics.DroppedHopLimit);
        DefaultRouterAppeared appeared = await ce.NextEventAsync<DefaultRouterAppeared>(Timeout);
        Assert.Equal(RouterPreference.High, appeared.Router.Preference);
    }

    [LabFact]
    public async Task Radvd_stopping_sends_router_lifetime_0_and_the_router_is_lost()
    {
        using var link = new NgnLink();
        using var radvd = new Radvd(link);
        radvd.WaitForLog("is ready", Timeout);
        await using var ce = new CeDaemon(link);
        DefaultRouterAppeared appeared = await ce.NextEventAsync<DefaultRouterAppeared>(Timeout);
        await ce.NextEventAsync<DnsChanged>(Timeout, d => d.Servers.Count == 1);

        var stopping = Stopwatch.StartNew();
        radvd.Terminate();
        DefaultRouterLost lost = await ce.NextEventAsync<DefaultRouterLost>(Timeout);
        output.WriteLine($"SIGTERM -> DefaultRouterLost in {stopping.Elapsed.TotalMilliseconds:F1} ms");

        Assert.Equal(RouterLossReason.LifetimeZero, lost.Reason);
        Assert.Equal(appeared.Router.Address, lost.Router.Address);
        Assert.Empty(ce.Tracker.DefaultRouters);
        // radvd's FlushRDNSS/FlushDNSSL (default on) withdraw the DNS entries in the same final RA.
        DnsChanged flushed = await ce.NextEventAsync<DnsChanged>(Timeout);
        Assert.Empty(flushed.Servers);
        Assert.Empty(flushed.SearchDomains);
        Assert.True(radvd.WaitForExit(Timeout), radvd.Log);
    }

    private static async Task WaitUntil(Func<bool> condition, CeDaemon ce)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > Timeout)
                Assert.Fail($"condition not met within {Timeout.TotalSeconds} s\n{ce.Diagnostics}");
            await Task.Delay(10);
        }
    }
}
