using Gatewayd.Dhcp6.Client;
using Microsoft.Extensions.Time.Testing;

namespace Gatewayd.Dhcp6.Client.Tests;

/// <summary>A client on a fake clock and an in-memory transport; time moves only when a test says so.</summary>
internal sealed class ClientHarness : IAsyncDisposable
{
    public ClientHarness(ILeaseStore? store = null, int seed = 1, Dhcp6ClientOptions? options = null, FakeTimeProvider? time = null)
    {
        Time = time ?? new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
        Options = options ?? new Dhcp6ClientOptions { InterfaceName = "wan0", ClientId = Duid.FromMac(Server.Mac), Iaid = 1 };
        Client = new Dhcp6Client(Options, Transport, Time, Log, store, new Random(seed));
    }

    public FakeTimeProvider Time { get; }

    public InMemoryTransport Transport { get; } = new();

    public ListLogger Log { get; } = new();

    public Dhcp6ClientOptions Options { get; }

    public Dhcp6Client Client { get; }

    public List<Dhcp6Event> Events { get; } = [];

    public async Task StartAsync()
    {
        await Client.StartAsync();
        await PumpAsync();
    }

    /// <summary>Moves the clock and handles whatever fired.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        // Step so timers re-armed by a handler within the span fire too, in order; a 2000th of the span, 10 ms at least.
        var step = TimeSpan.FromTicks(Math.Max(TimeSpan.FromMilliseconds(10).Ticks, by.Ticks / 2000));
        for (var moved = TimeSpan.Zero; moved < by; moved += step)
        {
            Time.Advance(by - moved < step ? by - moved : step);
            await PumpAsync();
        }
    }

    public async Task DeliverAsync(Dhcp6Datagram datagram)
    {
        Client.Deliver(datagram);
        await PumpAsync();
    }

    public async Task PumpAsync()
    {
        await Client.PumpAsync();
        while (Client.Events.TryRead(out var e))
            Events.Add(e);
    }

    /// <summary>Runs Solicit, Advertise, Request, Reply to a bound lease.</summary>
    public async Task<Server> BindAsync(Server? server = null, uint t1 = 7200, uint t2 = 10800, uint preferred = 12600, uint valid = 14400, bool extraKey = false)
    {
        server ??= new Server();
        await StartAsync();
        await AdvanceAsync(TimeSpan.FromSeconds(1));
        var solicit = Transport.OfType(Dhcp6MessageType.Solicit).Last();
        await DeliverAsync(server.Datagram(server.Advertise(solicit, preference: 255)));
        var request = Transport.Last;
        Assert.Equal(Dhcp6MessageType.Request, request.Type);
        Dhcp6Option[] extra = extraKey ? [Rkap.CreateKeyOption(1, new byte[16])] : [];
        await DeliverAsync(server.Datagram(server.Reply(request, t1, t2, preferred, valid, extra: extra)));
        Assert.Equal(Dhcp6ClientState.Bound, Client.State);
        return server;
    }

    public async ValueTask DisposeAsync() => await Client.DisposeAsync();
}
