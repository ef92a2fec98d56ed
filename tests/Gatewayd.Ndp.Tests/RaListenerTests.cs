using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Gatewayd.Ndp.Tests;

public sealed class RaListenerTests : IAsyncDisposable
{
    private static readonly PhysicalAddress Mac = PhysicalAddress.Parse("02-00-5E-10-00-01");
    private static readonly IPAddress Router = new(IPAddress.Parse("fe80::1").GetAddressBytes(), 3);

    private readonly FakeTimeProvider _time = new();
    private readonly PairedRaTransport _transport = new();
    private readonly FixedInterfaceAddresses _addresses = new(Mac, hasLinkLocal: true);
    private readonly ListLogger<RaListener> _log = new();
    private readonly CancellationTokenSource _stop = new(TimeSpan.FromSeconds(20));
    private RaListener? _listener;
    private Task? _run;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_run is not null)
            await _run;
        _stop.Dispose();
    }

    private RaListener Start(RaListenerOptions? options = null)
    {
        _listener = new RaListener(_transport, _addresses, options ?? new RaListenerOptions { InterfaceName = "wan0" }, _time, _log);
        _run = _listener.RunAsync(_stop.Token);
        return _listener;
    }

    private static RaDatagram Datagram(byte[] data, int? hopLimit = 255, IPAddress? source = null) =>
        new(data, source ?? Router, NdpConstants.AllNodes, hopLimit, 3);

    /// <summary>
    /// Advances fake time in small steps, letting the listener's continuations run between steps so its delays are
    /// re-armed as they would be in real time.
    /// </summary>
    private void Advance(TimeSpan total)
    {
        TimeSpan step = TimeSpan.FromMilliseconds(100);
        for (TimeSpan done = TimeSpan.Zero; done < total; done += step)
        {
            _time.Advance(step);
            Settle();
        }
    }

    /// <summary>Advances fake time step by step until the condition holds; fails past <paramref name="limit"/> of fake time.</summary>
    private TimeSpan AdvanceUntil(Func<bool> condition, TimeSpan limit, string what)
    {
        TimeSpan step = TimeSpan.FromMilliseconds(100);
        TimeSpan done = TimeSpan.Zero;
        while (!condition())
        {
            if (done > limit)
                Assert.Fail($"no {what} within {limit} of fake time");
            _time.Advance(step);
            done += step;
            Settle();
        }

        return done;
    }

    private static void Settle()
    {
        for (int i = 0; i < 100 && ThreadPool.PendingWorkItemCount > 0; i++)
            Thread.Sleep(1);
        Thread.Sleep(3);
    }

    [Fact]
    public async Task Ra_with_hop_limit_255_from_link_local_is_accepted()
    {
        RaListener listener = Start(new RaListenerOptions { SendSolicitations = false });

        _transport.Deliver(Datagram(RaVectors.Ngn));

        ReceivedRouterAdvertisement received = await listener.Advertisements.ReadAsync(_stop.Token);
        Assert.Equal(Router, received.Source);
        Assert.Equal(3, received.InterfaceIndex);
        Assert.Equal(NdpConstants.AllNodes, received.Destination);
        Assert.Equal((ushort)1800, received.Advertisement.RouterLifetimeSeconds);
        Assert.Equal(1, listener.Statistics.Accepted);
    }

    [Theory]
    [InlineData(64)]
    [InlineData(254)]
    [InlineData(null)]
    public async Task Ra_with_another_hop_limit_is_dropped_with_the_reason_logged(int? hopLimit)
    {
        RaListener listener = Start(new RaListenerOptions { InterfaceName = "wan0", SendSolicitations = false });

        _transport.Deliver(Datagram(RaVectors.Ngn, hopLimit));
        _transport.Deliver(Datagram(RaVectors.Ngn, 255));

        await listener.Advertisements.ReadAsync(_stop.Token);
        Assert.Equal(1, listener.Statistics.DroppedHopLimit);
        Assert.Equal(1, listener.Statistics.Accepted);
        Assert.Contains(_log.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains($"hop limit {hopLimit?.ToString() ?? "unknown"}, must be 255", StringComparison.Ordinal)
            && l.Message.Contains("wan0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ra_from_a_global_source_is_dropped()
    {
        RaListener listener = Start(new RaListenerOptions { SendSolicitations = false });

        _transport.Deliver(Datagram(RaVectors.Ngn, source: IPAddress.Parse("2001:db8::1")));
        _transport.Deliver(Datagram(RaVectors.Ngn));

        await listener.Advertisements.ReadAsync(_stop.Token);
        Assert.Equal(1, listener.Statistics.DroppedSourceNotLinkLocal);
        Assert.Contains(_log.Lines, l => l.Message.Contains("2001:db8::1", StringComparison.Ordinal) && l.Message.Contains("not link-local", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Malformed_ra_is_dropped_with_the_parser_offset()
    {
        RaListener listener = Start(new RaListenerOptions { SendSolicitations = false });
        byte[] zeroLengthOption = RaVectors.Concat(RaVectors.Header, [/* MTU */ 0x05, /* length 0 */ 0x00, 0, 0, 0, 0, 0x05, 0xdc]);

        _transport.Deliver(Datagram(zeroLengthOption));
        _transport.Deliver(Datagram(RaVectors.Ngn));

        await listener.Advertisements.ReadAsync(_stop.Token);
        Assert.Equal(1, listener.Statistics.DroppedMalformed);
        Assert.Contains(_log.Lines, l => l.Message.Contains("malformed at offset 16", StringComparison.Ordinal));
    }

    [Fact]
    public void Solicits_three_times_four_seconds_apart_then_stops()
    {
        RaListener listener = Start();

        Advance(TimeSpan.FromSeconds(1.5)); // MAX_RTR_SOLICITATION_DELAY plus slack for the stepping
        Assert.Single(_transport.Sent);
        Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(2, _transport.Sent.Count);
        Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(3, _transport.Sent.Count);
        Advance(TimeSpan.FromSeconds(12));
        Assert.Equal(3, _transport.Sent.Count);
        Assert.Equal(3, listener.Statistics.SolicitationsSent);
        Assert.Contains(_log.Lines, l => l.Message.Contains("no RA on wan0 after 3 Router Solicitations", StringComparison.Ordinal));
    }

    [Fact]
    public void Solicitation_carries_the_mac_as_slla()
    {
        Start(new RaListenerOptions { MaxSolicitationDelay = TimeSpan.Zero });

        Wait.Until(() => !_transport.Sent.IsEmpty, "the first RS");
        Assert.True(_transport.Sent.TryPeek(out byte[]? wire));
        Assert.True(RouterSolicitation.TryParse(wire, out RouterSolicitation? rs, out NdpParseError? error), error?.ToString());
        Assert.Equal(Mac.GetAddressBytes(), rs.SourceLinkLayerAddress!.Value.ToArray());
    }

    [Fact]
    public void Solicitation_waits_for_the_link_local_address_to_leave_dad()
    {
        _addresses.LinkLocal = false;
        Start(new RaListenerOptions { MaxSolicitationDelay = TimeSpan.Zero });

        Advance(TimeSpan.FromSeconds(1));
        Assert.Empty(_transport.Sent);
        _addresses.LinkLocal = true;
        TimeSpan waited = AdvanceUntil(() => !_transport.Sent.IsEmpty, TimeSpan.FromSeconds(1), "RS once the link-local is usable");

        Assert.True(waited <= TimeSpan.FromSeconds(1), $"RS {waited} after the link-local became usable");
        Assert.True(_transport.Sent.TryPeek(out byte[]? wire));
        Assert.True(RouterSolicitation.TryParse(wire, out RouterSolicitation? rs, out _));
        Assert.Equal(Mac.GetAddressBytes(), rs.SourceLinkLayerAddress!.Value.ToArray());
    }

    [Fact]
    public void Solicitation_without_a_link_local_address_omits_slla()
    {
        _addresses.LinkLocal = false;
        Start(new RaListenerOptions { MaxSolicitationDelay = TimeSpan.Zero });

        AdvanceUntil(() => !_transport.Sent.IsEmpty, TimeSpan.FromSeconds(30), "RS after giving up on the link-local");

        Assert.True(_transport.Sent.TryPeek(out byte[]? wire));
        Assert.True(RouterSolicitation.TryParse(wire, out RouterSolicitation? rs, out _));
        Assert.Empty(rs.Options);
    }

    [Fact]
    public async Task Accepted_ra_stops_soliciting()
    {
        RaListener listener = Start(new RaListenerOptions { MaxSolicitationDelay = TimeSpan.Zero });
        Wait.Until(() => !_transport.Sent.IsEmpty, "the first RS");

        _transport.Deliver(Datagram(RaVectors.Ngn));
        await listener.FirstAdvertisement.WaitAsync(_stop.Token);
        Advance(TimeSpan.FromSeconds(12));

        Assert.Single(_transport.Sent);
    }

    [Fact]
    public async Task Dropped_ra_does_not_stop_soliciting()
    {
        RaListener listener = Start(new RaListenerOptions { MaxSolicitationDelay = TimeSpan.Zero });
        Wait.Until(() => !_transport.Sent.IsEmpty, "the first RS");

        _transport.Deliver(Datagram(RaVectors.Ngn, hopLimit: 64));
        Wait.Until(() => listener.Statistics.DroppedHopLimit == 1, "the drop");
        Advance(TimeSpan.FromSeconds(4.2));

        Assert.Equal(2, _transport.Sent.Count);
        await Task.CompletedTask;
    }

    [Fact]
    public void Failed_solicitation_is_counted_and_retried()
    {
        _transport.SendFailure = new SocketException((int)SocketError.AddressNotAvailable);
        RaListener listener = Start(new RaListenerOptions { InterfaceName = "wan0", MaxSolicitationDelay = TimeSpan.Zero });

        Wait.Until(() => listener.Statistics.SolicitationsFailed == 1, "the failed RS");
        _transport.SendFailure = null;
        Advance(TimeSpan.FromSeconds(4.2));

        Assert.Single(_transport.Sent);
        Assert.Contains(_log.Lines, l => l.Message.StartsWith("RS 1 on wan0 not sent", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Transport_failure_ends_the_run_naming_the_interface()
    {
        RaListener listener = Start(new RaListenerOptions { InterfaceName = "wan0", SendSolicitations = false });

        _transport.Fail(new SocketException((int)SocketError.NetworkDown));

        var error = await Assert.ThrowsAsync<IOException>(() => _run!);
        Assert.Contains("wan0", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.InnerException);
        await Assert.ThrowsAnyAsync<Exception>(() => listener.Advertisements.Completion);
        _run = null;
    }

    [Fact]
    public async Task Cancellation_ends_the_run_quietly_and_completes_the_stream()
    {
        RaListener listener = Start();

        await _stop.CancelAsync();
        await _run!;

        await listener.Advertisements.Completion;
    }

    [Fact]
    public async Task Slow_reader_loses_the_oldest_ra_and_it_is_counted()
    {
        RaListener listener = Start(new RaListenerOptions { SendSolicitations = false, QueueCapacity = 2 });

        for (int i = 0; i < 3; i++)
            _transport.Deliver(Datagram(RaVectors.Ngn));

        Wait.Until(() => listener.Statistics.Accepted == 3, "three accepted RAs");
        Assert.Equal(1, listener.Statistics.DroppedQueueFull);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Listener_feeds_the_tracker()
    {
        RaListener listener = Start(new RaListenerOptions { SendSolicitations = false });
        using var tracker = new RouterTracker(_time);

        _transport.Deliver(Datagram(RaVectors.Ngn));
        tracker.Process(await listener.Advertisements.ReadAsync(_stop.Token));

        Assert.Equal(Router, Assert.Single(tracker.DefaultRouters).Address);
    }
}
