using System.Net;
using Gatewayd.Dhcp6.Client;

namespace Gatewayd.Dhcp6.Client.Tests;

public class BindingTests
{
    [Fact]
    public async Task Reply_Binds_AndEmitsPrefixAcquiredWithDnsServers()
    {
        await using var h = new ClientHarness();
        var server = await h.BindAsync();
        var acquired = Assert.IsType<PrefixAcquired>(Assert.Single(h.Events));
        Assert.Equal(Server.Pd, acquired.Lease.PrimaryPrefix);
        Assert.Equal(server.Id, acquired.Lease.ServerId);
        Assert.Equal([IPAddress.Parse("2404:1a8:7f01:a::3")], acquired.Lease.DnsServers);
        Assert.Equal(TimeSpan.FromSeconds(7200), acquired.Lease.RenewAfter);
        Assert.Equal(TimeSpan.FromSeconds(10800), acquired.Lease.RebindAfter);
    }

    [Fact]
    public async Task RenewAtT1_EchoesTheLastReceivedTimes_NotZeros()
    {
        await using var h = new ClientHarness();
        var server = await h.BindAsync();
        await h.AdvanceAsync(TimeSpan.FromSeconds(7199));
        Assert.Empty(h.Transport.OfType(Dhcp6MessageType.Renew));
        await h.AdvanceAsync(TimeSpan.FromSeconds(2));
        var renew = Assert.Single(h.Transport.OfType(Dhcp6MessageType.Renew));
        Assert.Equal(server.Id, renew.ServerId);
        var ia = Assert.Single(renew.IaPds);
        Assert.Equal((7200u, 10800u), (ia.T1, ia.T2));
        var p = Assert.Single(ia.Prefixes);
        Assert.Equal((12600u, 14400u, Server.Pd), (p.PreferredLifetime, p.ValidLifetime, p.Prefix));
        Assert.True(renew.ReconfigureAccept);

        await h.DeliverAsync(server.Datagram(server.Reply(renew)));
        Assert.IsType<PrefixRenewed>(h.Events[^1]);
        Assert.Equal(Dhcp6ClientState.Bound, h.Client.State);
    }

    [Fact]
    public async Task WithEchoOff_RenewCarriesZeros()
    {
        var options = new Dhcp6ClientOptions { InterfaceName = "wan0", ClientId = Duid.FromMac(Server.Mac), Iaid = 1, EchoLifetimes = false };
        await using var h = new ClientHarness(options: options);
        await h.BindAsync();
        await h.AdvanceAsync(TimeSpan.FromSeconds(7201));
        var ia = Assert.Single(h.Transport.OfType(Dhcp6MessageType.Renew)).IaPds[0];
        Assert.Equal((0u, 0u, 0u), (ia.T1, ia.T2, ia.Prefixes[0].ValidLifetime));
    }

    [Fact]
    public async Task RenewUnanswered_RebindsAtT2WithoutServerId_ThenExpiresAndSolicits()
    {
        await using var h = new ClientHarness();
        await h.BindAsync(t1: 20, t2: 32, preferred: 40, valid: 50);
        await h.AdvanceAsync(TimeSpan.FromSeconds(31));
        Assert.Equal(Dhcp6ClientState.Renewing, h.Client.State);
        Assert.Equal(2, h.Transport.OfType(Dhcp6MessageType.Renew).Count()); // at 20 s and after REN_TIMEOUT ~10 s
        await h.AdvanceAsync(TimeSpan.FromSeconds(2));
        Assert.Equal(Dhcp6ClientState.Rebinding, h.Client.State);
        var rebind = h.Transport.OfType(Dhcp6MessageType.Rebind).First();
        Assert.Null(rebind.ServerId);
        await h.AdvanceAsync(TimeSpan.FromSeconds(18));
        var lost = Assert.IsType<PrefixLost>(h.Events[^1]);
        Assert.Equal([Server.Pd], lost.OldPrefixes);
        Assert.Equal(Dhcp6ClientState.Soliciting, h.Client.State);
        Assert.Null(h.Client.Lease);
    }

    [Fact]
    public async Task RebindReply_FromAnotherServer_IsAccepted_AndBecomesTheBoundServer()
    {
        await using var h = new ClientHarness();
        await h.BindAsync(t1: 20, t2: 32, preferred: 40, valid: 50);
        await h.AdvanceAsync(TimeSpan.FromSeconds(33));
        var other = new Server(7);
        await h.DeliverAsync(other.Datagram(other.Reply(h.Transport.Last)));
        Assert.Equal(Dhcp6ClientState.Bound, h.Client.State);
        Assert.Equal(other.Id, h.Client.Lease!.ServerId);
        Assert.IsType<PrefixRenewed>(h.Events[^1]);
    }

    [Fact]
    public async Task RenewReply_FromAnotherServer_IsDropped()
    {
        await using var h = new ClientHarness();
        await h.BindAsync(t1: 20, t2: 32, preferred: 40, valid: 50);
        await h.AdvanceAsync(TimeSpan.FromSeconds(21));
        var other = new Server(7);
        await h.DeliverAsync(other.Datagram(other.Reply(h.Transport.Last)));
        Assert.Equal(Dhcp6ClientState.Renewing, h.Client.State);
        Assert.Equal(1, h.Client.DiscardedPackets);
    }

    [Fact]
    public async Task ZeroT1T2_UseHalfAndEightTenthsOfTheShortestPreferredLifetime()
    {
        await using var h = new ClientHarness();
        await h.BindAsync(t1: 0, t2: 0, preferred: 1000, valid: 2000);
        Assert.Equal(TimeSpan.FromSeconds(500), h.Client.Lease!.RenewAfter);
        Assert.Equal(TimeSpan.FromSeconds(800), h.Client.Lease.RebindAfter);
        await h.AdvanceAsync(TimeSpan.FromSeconds(501));
        Assert.Single(h.Transport.OfType(Dhcp6MessageType.Renew));
    }

    [Fact]
    public async Task T1AboveT2_IgnoresTheIa()
    {
        await using var h = new ClientHarness();
        await h.StartAsync();
        await h.AdvanceAsync(TimeSpan.FromSeconds(1));
        var server = new Server();
        await h.DeliverAsync(server.Datagram(server.Advertise(h.Transport.Last, 255)));
        await h.DeliverAsync(server.Datagram(server.Reply(h.Transport.Last, t1: 500, t2: 400)));
        Assert.Equal(Dhcp6ClientState.Requesting, h.Client.State);
        Assert.Empty(h.Events);
    }

    [Fact]
    public async Task DifferentPrefixAfterLoss_IsPrefixChanged_WhenHeld()
    {
        await using var h = new ClientHarness();
        var server = await h.BindAsync(t1: 20, t2: 32, preferred: 40, valid: 50);
        await h.AdvanceAsync(TimeSpan.FromSeconds(21));
        var moved = IPNetwork.Parse("2400:4050:5c71:b100::/56");
        // The server answers the Renew with the old prefix withdrawn (valid 0) and a new one.
        var reply = server.ReplyWith(h.Transport.Last, new IaPdOption(1, 20, 32,
            new IaPrefixOption(0, 0, Server.Pd), new IaPrefixOption(40, 50, moved)));
        await h.DeliverAsync(server.Datagram(reply));
        var changed = Assert.IsType<PrefixChanged>(h.Events[^1]);
        Assert.Equal([Server.Pd], changed.OldPrefixes);
        Assert.Equal(moved, changed.Lease.PrimaryPrefix);
        Assert.Single(changed.Lease.Prefixes);
    }

    [Fact]
    public async Task PrefixWithNonSuccessStatus_IsGone()
    {
        await using var h = new ClientHarness();
        var server = await h.BindAsync(t1: 20, t2: 32, preferred: 40, valid: 50);
        await h.AdvanceAsync(TimeSpan.FromSeconds(21));
        var reply = server.ReplyWith(h.Transport.Last, new IaPdOption(1, 20, 32,
            new IaPrefixOption(40, 50, Server.Pd, new StatusCodeOption(Dhcp6StatusCode.NoPrefixAvail, "gone"))));
        await h.DeliverAsync(server.Datagram(reply));
        Assert.IsType<PrefixLost>(h.Events[^1]);
        Assert.Equal(Dhcp6ClientState.Soliciting, h.Client.State);
    }

    [Fact]
    public async Task PrefixesTheReplyDoesNotMention_AreKept()
    {
        await using var h = new ClientHarness();
        var server = await h.BindAsync(t1: 20, t2: 32, preferred: 40, valid: 50);
        await h.AdvanceAsync(TimeSpan.FromSeconds(21));
        var extra = IPNetwork.Parse("2400:4050:5c71:c000::/56");
        await h.DeliverAsync(server.Datagram(server.ReplyWith(h.Transport.Last, new IaPdOption(1, 20, 32, new IaPrefixOption(40, 50, extra)))));
        var lease = h.Client.Lease!;
        Assert.Equal([Server.Pd, extra], lease.Prefixes.Select(p => p.Prefix));
        // The kept one has what was left of its lifetime: 50 - 21 s.
        Assert.InRange(lease.Prefixes[0].ValidLifetime, 28u, 29u);
    }

    [Fact]
    public async Task NoBindingOnRenew_SendsARequest()
    {
        await using var h = new ClientHarness();
        var server = await h.BindAsync(t1: 20, t2: 32, preferred: 40, valid: 50);
        await h.AdvanceAsync(TimeSpan.FromSeconds(21));
        await h.DeliverAsync(server.Datagram(server.Status(h.Transport.Last, Dhcp6StatusCode.NoBinding, inIa: true)));
        var request = h.Transport.Last;
        Assert.Equal(Dhcp6MessageType.Request, request.Type);
        Assert.Equal(server.Id, request.ServerId);
        Assert.Equal(Server.Pd, request.IaPds[0].Prefixes[0].Prefix);
    }

    [Fact]
    public async Task NoPrefixAvailOnRenew_KeepsThePrefixesUntilTheyExpire()
    {
        await using var h = new ClientHarness();
        var server = await h.BindAsync(t1: 20, t2: 32, preferred: 40, valid: 50);
        await h.AdvanceAsync(TimeSpan.FromSeconds(21));
        await h.DeliverAsync(server.Datagram(server.Status(h.Transport.Last, Dhcp6StatusCode.NoPrefixAvail, inIa: true)));
        Assert.Equal(Server.Pd, h.Client.Lease!.PrimaryPrefix);
        Assert.IsType<PrefixAcquired>(h.Events[^1]);
        await h.AdvanceAsync(TimeSpan.FromSeconds(30));
        Assert.IsType<PrefixLost>(h.Events[^1]);
    }

    [Fact]
    public async Task UnspecFail_KeepsRetransmittingOnSchedule()
    {
        await using var h = new ClientHarness();
        var server = await h.BindAsync(t1: 20, t2: 32, preferred: 40, valid: 50);
        await h.AdvanceAsync(TimeSpan.FromSeconds(21));
        await h.DeliverAsync(server.Datagram(server.Status(h.Transport.Last, Dhcp6StatusCode.UnspecFail, inIa: false)));
        Assert.Equal(Dhcp6ClientState.Renewing, h.Client.State);
        await h.AdvanceAsync(TimeSpan.FromSeconds(11));
        Assert.Equal(2, h.Transport.OfType(Dhcp6MessageType.Renew).Count());
    }

    [Fact]
    public async Task Release_SendsReleaseAndDropsTheLease()
    {
        await using var h = new ClientHarness();
        var server = await h.BindAsync();
        h.Client.RequestRelease();
        await h.PumpAsync();
        var release = h.Transport.Last;
        Assert.Equal(Dhcp6MessageType.Release, release.Type);
        Assert.Equal(server.Id, release.ServerId);
        await h.DeliverAsync(server.Datagram(new Dhcp6Message(Dhcp6MessageType.Reply, release.TransactionId,
            [new ClientIdOption(h.Options.ClientId), new ServerIdOption(server.Id), new StatusCodeOption(Dhcp6StatusCode.Success)])));
        Assert.IsType<PrefixLost>(h.Events[^1]);
        Assert.Null(h.Client.Lease);
    }
}
