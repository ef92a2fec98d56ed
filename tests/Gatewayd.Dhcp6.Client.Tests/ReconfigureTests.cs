using Gatewayd.Dhcp6.Client;

namespace Gatewayd.Dhcp6.Client.Tests;

public class ReconfigureTests
{
    private static readonly byte[] Key = [.. Enumerable.Range(1, 16).Select(i => (byte)(i * 7))];

    /// <summary>Binds with a Reply that hands out an RKAP key, as RFC 8415 20.4.1 has a server do.</summary>
    private static async Task<(ClientHarness H, Server S)> BoundWithKeyAsync()
    {
        var h = new ClientHarness();
        var s = new Server();
        await h.StartAsync();
        await h.AdvanceAsync(TimeSpan.FromSeconds(1));
        await h.DeliverAsync(s.Datagram(s.Advertise(h.Transport.Last, 255)));
        await h.DeliverAsync(s.Datagram(s.Reply(h.Transport.Last, extra: Rkap.CreateKeyOption(1, Key))));
        Assert.NotNull(h.Client.Lease!.ReconfigureKey);
        return (h, s);
    }

    private static Dhcp6Datagram Reconfigure(ClientHarness h, Server s, ulong replay, byte[] key, bool multicast = false,
        Dhcp6MessageType what = Dhcp6MessageType.Renew, Duid? serverId = null)
    {
        var message = new Dhcp6Message(Dhcp6MessageType.Reconfigure, 0,
        [
            new ServerIdOption(serverId ?? s.Id),
            new ClientIdOption(h.Options.ClientId),
            new ReconfMsgOption(what),
            Rkap.CreateDigestOption(replay),
        ]);
        var bytes = message.ToArray();
        Assert.True(Rkap.TrySign(bytes, key));
        return new Dhcp6Datagram(bytes, s.Address, multicast);
    }

    [Fact]
    public async Task GoodHmac_Unicast_FromTheBoundServer_RenewsAtOnce()
    {
        var (h, s) = await BoundWithKeyAsync();
        await using var _ = h;
        await h.DeliverAsync(Reconfigure(h, s, replay: 2, Key));
        Assert.Equal(Dhcp6MessageType.Renew, h.Transport.Last.Type);
        Assert.Equal(Dhcp6ClientState.Renewing, h.Client.State);
    }

    [Fact]
    public async Task RebindReconfigure_Rebinds()
    {
        var (h, s) = await BoundWithKeyAsync();
        await using var _ = h;
        await h.DeliverAsync(Reconfigure(h, s, replay: 2, Key, what: Dhcp6MessageType.Rebind));
        Assert.Equal(Dhcp6MessageType.Rebind, h.Transport.Last.Type);
    }

    public static TheoryData<string, string> Bad => new()
    {
        { "bad-hmac", "HMAC-MD5 does not verify" },
        { "multicast", "must be unicast" },
        { "wrong-server", "not from the bound server" },
        { "replay", "replay detection" },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public async Task Invalid_IsLoggedAndDropped(string kind, string reason)
    {
        var (h, s) = await BoundWithKeyAsync();
        await using var _ = h;
        if (kind == "replay")
        {
            await h.DeliverAsync(Reconfigure(h, s, replay: 5, Key));
            await h.DeliverAsync(s.Datagram(s.Reply(h.Transport.Last)));
            Assert.Equal(Dhcp6ClientState.Bound, h.Client.State);
        }
        var sent = h.Transport.Sent.Count;
        var datagram = kind switch
        {
            "bad-hmac" => Reconfigure(h, s, 2, [.. Key.Select(b => (byte)(b ^ 1))]),
            "multicast" => Reconfigure(h, s, 2, Key, multicast: true),
            "wrong-server" => Reconfigure(h, s, 2, Key, serverId: new Server(9).Id),
            _ => Reconfigure(h, s, 5, Key),
        };
        await h.DeliverAsync(datagram);
        Assert.Equal(sent, h.Transport.Sent.Count);
        Assert.Equal(Dhcp6ClientState.Bound, h.Client.State);
        Assert.Contains(h.Log.Lines, l => l.Contains("Reconfigure dropped", StringComparison.Ordinal) && l.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutAKey_ReconfigureIsDropped()
    {
        await using var h = new ClientHarness();
        var s = await h.BindAsync();
        await h.DeliverAsync(Reconfigure(h, s, 2, Key));
        Assert.Equal(Dhcp6ClientState.Bound, h.Client.State);
        Assert.Contains(h.Log.Lines, l => l.Contains("never gave us a reconfigure key", StringComparison.Ordinal));
    }
}
