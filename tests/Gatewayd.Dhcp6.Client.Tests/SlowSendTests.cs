using Gatewayd.Dhcp6.Client;
using Microsoft.Extensions.Time.Testing;

namespace Gatewayd.Dhcp6.Client.Tests;

/// <summary>
/// Regression: the transport may hold the first send until the link-local finishes DAD. Seen in the dhcp6-bind benchmark:
/// a Request 535 ms after the Solicit, because the first RT was counted from before the Solicit left.
/// </summary>
public class SlowSendTests
{
    /// <summary>A transport whose every send takes 500 ms of (fake) time, as UdpDhcp6Transport waiting for a link-local.</summary>
    private sealed class SlowTransport(FakeTimeProvider time) : IDhcp6Transport
    {
        public List<(Dhcp6Message Message, DateTimeOffset LeftAt)> Sent { get; } = [];

        public ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
        {
            time.Advance(TimeSpan.FromMilliseconds(500));
            Assert.True(Dhcp6Message.TryParse(message.Span, out var parsed, out _));
            Sent.Add((parsed, time.GetUtcNow()));
            return ValueTask.CompletedTask;
        }

        public ValueTask<Dhcp6Datagram> ReceiveAsync(CancellationToken cancellationToken) => new(new TaskCompletionSource<Dhcp6Datagram>().Task);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    [Fact]
    public async Task FirstRt_IsCountedFromWhenTheSolicitLeft_NotFromBeforeASlowSend()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
        var transport = new SlowTransport(time);
        var options = new Dhcp6ClientOptions { InterfaceName = "wan0", ClientId = Duid.FromMac(Server.Mac), Iaid = 1 };
        await using var client = new Dhcp6Client(options, transport, time, new ListLogger(), random: new Random(7));
        await client.StartAsync();
        for (var i = 0; i < 1000 && transport.Sent.Count < 2; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(10));
            await client.PumpAsync();
        }
        var gap = transport.Sent[1].LeftAt - transport.Sent[0].LeftAt - TimeSpan.FromMilliseconds(500);
        // RFC 8415 17.1.2: the first RT is strictly above IRT (1 s), at most 1.1 s, between the two departures.
        Assert.InRange(gap.TotalSeconds, 1.0, 1.12);
    }
}
