using Gatewayd.Dhcp6.Client;

namespace Gatewayd.Dhcp6.Client.Tests;

public class SolicitTests
{
    [Fact]
    public async Task FirstSolicit_IsDelayedUpToSolMaxDelay_AndCarriesTheNgnProfile()
    {
        await using var h = new ClientHarness();
        await h.StartAsync();
        Assert.Empty(h.Transport.Sent);
        await h.AdvanceAsync(TimeSpan.FromSeconds(1));
        var solicit = Assert.Single(h.Transport.Sent);
        Assert.Equal(Dhcp6MessageType.Solicit, solicit.Type);
        Assert.Equal([0x00, 0x03, 0x00, 0x01, .. Server.Mac], solicit.ClientId!.Bytes.ToArray());
        var ia = Assert.Single(solicit.IaPds);
        Assert.Equal(56, Assert.Single(ia.Prefixes).PrefixLength);
        Assert.Null(solicit.GetOption(Dhcp6OptionCode.IaNa));
        Assert.Equal([Dhcp6OptionCode.DnsServers, Dhcp6OptionCode.DomainList, Dhcp6OptionCode.SolMaxRt], solicit.RequestedOptions);
        Assert.True(solicit.ReconfigureAccept);
        Assert.Equal(0, solicit.ElapsedTime!.Hundredths);
        Assert.Null(solicit.ServerId);
    }

    [Fact]
    public async Task ExtraOptions_AreRequested()
    {
        var options = new Dhcp6ClientOptions
        {
            InterfaceName = "wan0", ClientId = Duid.FromMac(Server.Mac), Iaid = 1,
            ExtraRequestedOptions = [Dhcp6OptionCode.S46ContMapE, Dhcp6OptionCode.AftrName],
        };
        await using var h = new ClientHarness(options: options);
        await h.StartAsync();
        await h.AdvanceAsync(TimeSpan.FromSeconds(1));
        Assert.Contains(Dhcp6OptionCode.S46ContMapE, h.Transport.Last.RequestedOptions);
        Assert.Contains(Dhcp6OptionCode.AftrName, h.Transport.Last.RequestedOptions);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(42)]
    public async Task Retransmissions_KeepTheXid_DoubleTheRt_AndCountElapsedTime(int seed)
    {
        await using var h = new ClientHarness(seed: seed);
        await h.StartAsync();
        var sentAt = new List<TimeSpan>();
        var t = TimeSpan.Zero;
        while (h.Transport.Sent.Count < 5)
        {
            await h.AdvanceAsync(TimeSpan.FromMilliseconds(10));
            t += TimeSpan.FromMilliseconds(10);
            if (h.Transport.Sent.Count > sentAt.Count)
                sentAt.Add(t);
        }
        var first = h.Transport.Sent[0];
        Assert.InRange(sentAt[0], TimeSpan.Zero, TimeSpan.FromSeconds(1));
        Assert.All(h.Transport.Sent, m => Assert.Equal(first.TransactionId, m.TransactionId));
        var rts = sentAt.Zip(sentAt.Skip(1), (a, b) => (b - a).TotalSeconds).ToList();
        // RFC 8415 17.1.2 / 15: first RT strictly above IRT (RAND > 0) and at most 1.1 s; each next 1.9..2.1 times the last.
        Assert.InRange(rts[0], 1.0 + 1e-9, 1.11);
        for (var i = 1; i < rts.Count; i++)
            Assert.InRange(rts[i] / rts[i - 1], 1.88, 2.12);
        var elapsed = h.Transport.Sent.Select(m => m.ElapsedTime!.Hundredths).ToList();
        Assert.Equal(0, elapsed[0]);
        for (var i = 1; i < elapsed.Count; i++)
        {
            var expected = (int)((sentAt[i] - sentAt[0]).TotalMilliseconds / 10);
            Assert.InRange(elapsed[i], expected - 2, expected + 2);
        }
    }

    [Fact]
    public async Task RetransmissionInterval_IsCappedBySolMaxRtOption()
    {
        await using var h = new ClientHarness();
        var server = new Server();
        await h.StartAsync();
        await h.AdvanceAsync(TimeSpan.FromSeconds(1));
        // An Advertise with no prefix is ignored for binding, but its SOL_MAX_RT (60 s, the minimum allowed) still applies.
        var noPrefix = new Dhcp6Message(Dhcp6MessageType.Advertise, h.Transport.Last.TransactionId,
            [new ClientIdOption(h.Options.ClientId), new ServerIdOption(server.Id), new SolMaxRtOption(60),
             new IaPdOption(1, 0, 0, new StatusCodeOption(Dhcp6StatusCode.NoPrefixAvail, "none"))]);
        await h.DeliverAsync(server.Datagram(noPrefix));
        await h.AdvanceAsync(TimeSpan.FromMinutes(10));
        var count = h.Transport.Sent.Count;
        await h.AdvanceAsync(TimeSpan.FromMinutes(10));
        // 10 minutes at an RT of 54..66 s: 9 to 12 Solicits, not the one or two an RT near 3600 s would give.
        Assert.InRange(h.Transport.Sent.Count - count, 9, 12);
        Assert.All(h.Transport.Sent, m => Assert.Equal(Dhcp6MessageType.Solicit, m.Type));
    }

    [Fact]
    public async Task Advertises_AreCollectedForTheFirstRt_AndTheHighestPreferenceWins()
    {
        await using var h = new ClientHarness();
        await h.StartAsync();
        await h.AdvanceAsync(TimeSpan.FromSeconds(1));
        var solicit = h.Transport.Last;
        var low = new Server(1);
        var high = new Server(2);
        await h.DeliverAsync(low.Datagram(low.Advertise(solicit, preference: 10)));
        await h.DeliverAsync(high.Datagram(high.Advertise(solicit, preference: 200, prefix: System.Net.IPNetwork.Parse("2400:4050:1:100::/56"))));
        Assert.Equal(Dhcp6MessageType.Solicit, h.Transport.Last.Type);
        await h.AdvanceAsync(TimeSpan.FromMilliseconds(1150));
        var request = h.Transport.Last;
        Assert.Equal(Dhcp6MessageType.Request, request.Type);
        Assert.Equal(high.Id, request.ServerId);
        Assert.Equal(System.Net.IPNetwork.Parse("2400:4050:1:100::/56"), request.IaPds[0].Prefixes[0].Prefix);
        Assert.NotEqual(solicit.TransactionId, request.TransactionId);
    }

    [Fact]
    public async Task Preference255_EndsTheWaitAtOnce()
    {
        await using var h = new ClientHarness();
        await h.StartAsync();
        await h.AdvanceAsync(TimeSpan.FromSeconds(1));
        var server = new Server();
        await h.DeliverAsync(server.Datagram(server.Advertise(h.Transport.Last, preference: 255)));
        Assert.Equal(Dhcp6MessageType.Request, h.Transport.Last.Type);
        Assert.Equal(Dhcp6ClientState.Requesting, h.Client.State);
    }

    [Fact]
    public async Task AdvertiseAfterTheFirstRt_IsTakenAtOnce()
    {
        await using var h = new ClientHarness();
        await h.StartAsync();
        await h.AdvanceAsync(TimeSpan.FromSeconds(3));
        var server = new Server();
        await h.DeliverAsync(server.Datagram(server.Advertise(h.Transport.Last, preference: 0)));
        Assert.Equal(Dhcp6MessageType.Request, h.Transport.Last.Type);
    }

    [Fact]
    public async Task RequestUnanswered_GivesUpAfterReqMaxRc_AndSolicitsAgain()
    {
        await using var h = new ClientHarness();
        await h.StartAsync();
        await h.AdvanceAsync(TimeSpan.FromSeconds(1));
        var server = new Server();
        await h.DeliverAsync(server.Datagram(server.Advertise(h.Transport.Last, preference: 255)));
        await h.AdvanceAsync(TimeSpan.FromMinutes(6));
        Assert.Equal(10, h.Transport.OfType(Dhcp6MessageType.Request).Count());
        Assert.Equal(Dhcp6ClientState.Soliciting, h.Client.State);
        Assert.Equal(Dhcp6MessageType.Solicit, h.Transport.Last.Type);
    }

    [Fact]
    public async Task MessagesNotForUs_AreDroppedCountedAndLogged()
    {
        await using var h = new ClientHarness();
        await h.StartAsync();
        await h.AdvanceAsync(TimeSpan.FromSeconds(1));
        var solicit = h.Transport.Last;
        var server = new Server();
        var wrongXid = new Dhcp6Message(Dhcp6MessageType.Advertise, solicit.TransactionId ^ 1, server.Advertise(solicit, 255).Options);
        var otherClient = new Dhcp6Message(Dhcp6MessageType.Advertise, solicit.TransactionId,
            [new ClientIdOption(Duid.FromMac([2, 0, 0, 0, 0, 9])), .. server.Advertise(solicit, 255).Options.Skip(1)]);
        await h.DeliverAsync(server.Datagram(wrongXid));
        await h.DeliverAsync(server.Datagram(otherClient));
        await h.DeliverAsync(new Dhcp6Datagram(new byte[] { 2, 0, 0 }, server.Address, false));
        Assert.Equal(3, h.Client.DiscardedPackets);
        Assert.Equal(Dhcp6ClientState.Soliciting, h.Client.State);
        Assert.Contains(h.Log.Lines, l => l.Contains("transaction id", StringComparison.Ordinal));
        Assert.Contains(h.Log.Lines, l => l.Contains("ClientID is not ours", StringComparison.Ordinal));
        Assert.Contains(h.Log.Lines, l => l.Contains("malformed", StringComparison.Ordinal));
    }
}

public class ProbeTests
{
    [Fact]
    public async Task ProbeOnly_ReportsTheBestOffer_AndNeverRequests()
    {
        var options = new Dhcp6ClientOptions { InterfaceName = "wan0", ClientId = Duid.FromMac(Server.Mac), Iaid = 1, ProbeOnly = true };
        await using var h = new ClientHarness(options: options);
        await h.StartAsync();
        await h.AdvanceAsync(TimeSpan.FromSeconds(1));
        var server = new Server();
        await h.DeliverAsync(server.Datagram(server.Advertise(h.Transport.Last, preference: 3)));
        await h.AdvanceAsync(TimeSpan.FromSeconds(5));
        var offered = Assert.IsType<PrefixOffered>(Assert.Single(h.Events));
        Assert.Equal(server.Id, offered.Advertise.ServerId);
        Assert.Empty(h.Transport.OfType(Dhcp6MessageType.Request));
        Assert.Equal(Dhcp6ClientState.Stopped, h.Client.State);
        Assert.Null(h.Client.Lease);
    }
}
