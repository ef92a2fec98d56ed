using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gatewayd.Ndp;

/// <summary>
/// Receives Router Advertisements on the WAN through an <see cref="IRaTransport"/>, keeps those a host may accept
/// (RFC 4861 section 6.1.2: hop limit 255, link-local source, well-formed), and solicits at start (section 6.3.7).
/// Accepted RAs come out of <see cref="Advertisements"/>, ready for <see cref="RouterTracker.Process"/>; every drop is
/// counted in <see cref="Statistics"/> and logged with its reason.
/// </summary>
public sealed partial class RaListener
{
    private readonly IRaTransport _transport;
    private readonly IInterfaceAddresses _addresses;
    private readonly RaListenerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<ReceivedRouterAdvertisement> _queue;
    private readonly TaskCompletionSource<ReceivedRouterAdvertisement> _firstAccepted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _startTimestamp;
    private int _started;
    private long _received;
    private long _acceptedCount;
    private long _droppedHopLimit;
    private long _droppedSource;
    private long _droppedMalformed;
    private long _droppedQueueFull;
    private long _solicitationsSent;
    private long _solicitationsFailed;

    /// <summary>Creates the listener; nothing happens until <see cref="RunAsync"/>.</summary>
    /// <param name="transport">The socket (or its twin). The listener does not dispose it.</param>
    /// <param name="addresses">The interface's MAC and link-local state, read before each RS.</param>
    /// <param name="options">Settings; RFC 4861 defaults when null.</param>
    /// <param name="timeProvider">Clock for the RS schedule and receive timestamps; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="logger">Where drops and solicitations are logged; none when null.</param>
    public RaListener(IRaTransport transport, IInterfaceAddresses addresses, RaListenerOptions? options = null,
        TimeProvider? timeProvider = null, ILogger<RaListener>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(addresses);
        _transport = transport;
        _addresses = addresses;
        _options = options ?? new RaListenerOptions();
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _queue = Channel.CreateBounded<ReceivedRouterAdvertisement>(
            new BoundedChannelOptions(Math.Max(1, _options.QueueCapacity)) { FullMode = BoundedChannelFullMode.DropOldest, SingleWriter = true },
            dropped => OnQueueFull(dropped));
    }

    /// <summary>Accepted RAs, oldest first. Completed when <see cref="RunAsync"/> ends (with its error, if any).</summary>
    public ChannelReader<ReceivedRouterAdvertisement> Advertisements => _queue.Reader;

    /// <summary>Completes with the first accepted RA (which also ends soliciting).</summary>
    public Task<ReceivedRouterAdvertisement> FirstAdvertisement => _firstAccepted.Task;

    /// <summary>A snapshot of the counters.</summary>
    public RaListenerStatistics Statistics => new(Interlocked.Read(ref _received), Interlocked.Read(ref _acceptedCount),
        Interlocked.Read(ref _droppedHopLimit), Interlocked.Read(ref _droppedSource), Interlocked.Read(ref _droppedMalformed),
        Interlocked.Read(ref _droppedQueueFull), Interlocked.Read(ref _solicitationsSent), Interlocked.Read(ref _solicitationsFailed));

    /// <summary>
    /// Solicits and receives until cancelled; returns normally on cancellation. A transport failure ends the run with an
    /// <see cref="IOException"/> naming the interface, whose inner exception is the cause.
    /// </summary>
    /// <param name="cancellationToken">Stops the listener.</param>
    /// <returns>A task that completes when the listener stops.</returns>
    /// <exception cref="InvalidOperationException">Called twice.</exception>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
            throw new InvalidOperationException("RaListener.RunAsync may be called once.");
        _startTimestamp = _time.GetTimestamp();
        using var stopSoliciting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task soliciting = SolicitAsync(stopSoliciting.Token);
        Exception? failure = null;
        try
        {
            await ReceiveLoopAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            failure = new IOException($"Receiving Router Advertisements on {_options.InterfaceName} failed: {e.Message}", e);
        }
        finally
        {
            await stopSoliciting.CancelAsync().ConfigureAwait(false);
            try
            {
                await soliciting.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }

            _queue.Writer.TryComplete(failure);
        }

        if (failure is not null)
            throw failure;
    }

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            RaDatagram datagram = await _transport.ReceiveAsync(cancellationToken).ConfigureAwait(false);
            long receivedAt = _time.GetTimestamp();
            Interlocked.Increment(ref _received);
            if (!TryAccept(datagram, out RouterAdvertisement? ra))
                continue;
            var received = new ReceivedRouterAdvertisement(datagram.Source, ra, receivedAt)
            {
                Destination = datagram.Destination,
                InterfaceIndex = datagram.InterfaceIndex,
            };
            Interlocked.Increment(ref _acceptedCount);
            if (_firstAccepted.TrySetResult(received))
                LogFirstAdvertisement(_logger, _options.InterfaceName, datagram.Source, datagram.Destination, (long)_time.GetElapsedTime(_startTimestamp).TotalMilliseconds);
            bool written = _queue.Writer.TryWrite(received);
            Debug.Assert(written, "a DropOldest channel always takes the item");
        }
    }

    /// <summary>RFC 4861 section 6.1.2, in the order of cheapest check first.</summary>
    private bool TryAccept(in RaDatagram datagram, [NotNullWhen(true)] out RouterAdvertisement? ra)
    {
        ra = null;
        if (datagram.HopLimit != NdpConstants.HopLimit)
        {
            // A hop limit below 255 means the packet crossed a router: it cannot be from this link.
            long count = Interlocked.Increment(ref _droppedHopLimit);
            if (ShouldLog(count))
                LogDroppedHopLimit(_logger, datagram.Source, _options.InterfaceName, datagram.HopLimit?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown", count);
            return false;
        }

        if (!datagram.Source.IsIPv6LinkLocal)
        {
            long count = Interlocked.Increment(ref _droppedSource);
            if (ShouldLog(count))
                LogDroppedSource(_logger, datagram.Source, _options.InterfaceName, count);
            return false;
        }

        if (!RouterAdvertisement.TryParse(datagram.Data.Span, out ra, out NdpParseError? error))
        {
            long count = Interlocked.Increment(ref _droppedMalformed);
            if (ShouldLog(count))
                LogDroppedMalformed(_logger, datagram.Source, _options.InterfaceName, error.Offset, error, count);
            return false;
        }

        foreach (MalformedNdpOption option in ra.MalformedOptions)
            LogIgnoredOption(_logger, datagram.Source, option.Problem.Offset, option.Problem);
        return true;
    }

    /// <summary>Logs the first ten drops of a kind, then every power of two: a flood cannot flood the journal.</summary>
    private static bool ShouldLog(long count) => count <= 10 || (count & (count - 1)) == 0;

    private void OnQueueFull(ReceivedRouterAdvertisement dropped)
    {
        long count = Interlocked.Increment(ref _droppedQueueFull);
        if (ShouldLog(count))
            LogDroppedQueueFull(_logger, dropped.Source, _options.InterfaceName, count);
    }
}
