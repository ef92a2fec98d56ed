using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Gatewayd.Netlink.Uapi;

namespace Gatewayd.Netlink;

/// <summary>
/// Listens on RTMGRP_LINK, the IPv4/IPv6 address and route groups, and the IPv4/IPv6 rule groups; turns each message into an
/// <see cref="RtNetlinkEvent"/>. Undecodable messages are dropped and counted. Linux only.
/// </summary>
public sealed class RtNetlinkEventSource : IRtNetlinkEventSource
{
    /// <summary>The receive buffer asked for by default: bursts (a link going down takes its routes with it) fit without overrun.</summary>
    public const int DefaultReceiveBufferSize = 4 * 1024 * 1024;

    private const uint Groups = RtnetlinkConstants.RtmgrpLink
        | RtnetlinkConstants.RtmgrpIpv4Ifaddr | RtnetlinkConstants.RtmgrpIpv6Ifaddr
        | RtnetlinkConstants.RtmgrpIpv4Route | RtnetlinkConstants.RtmgrpIpv6Route;

    private readonly NetlinkSocket _socket;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private long _droppedMessages;

    /// <summary>Wraps a socket already bound to the groups, taking ownership of it.</summary>
    /// <param name="socket">The multicast socket.</param>
    public RtNetlinkEventSource(NetlinkSocket socket)
    {
        ArgumentNullException.ThrowIfNull(socket);
        _socket = socket;
    }

    /// <summary>Multicast messages that could not be decoded and were dropped.</summary>
    public long DroppedMessages => Interlocked.Read(ref _droppedMessages);

    /// <summary>The socket options used by <see cref="Open"/>.</summary>
    /// <param name="receiveBufferSize">The receive buffer size.</param>
    /// <returns>Groups, rule memberships and buffer size.</returns>
    public static NetlinkSocketOptions SocketOptions(int receiveBufferSize = DefaultReceiveBufferSize) => new()
    {
        Groups = Groups,
        Memberships = [RtnetlinkConstants.RtnlgrpIpv4Rule, RtnetlinkConstants.RtnlgrpIpv6Rule],
        ReceiveBufferSize = receiveBufferSize,
        StrictCheck = false,
    };

    /// <summary>Subscribes in the calling thread's network namespace.</summary>
    /// <param name="receiveBufferSize">The receive buffer size; small buffers overrun sooner.</param>
    /// <returns>The event source.</returns>
    public static RtNetlinkEventSource Open(int receiveBufferSize = DefaultReceiveBufferSize) =>
        new(NetlinkSocket.Open(SocketOptions(receiveBufferSize)));

    /// <summary>Subscribes inside the network namespace at <paramref name="namespacePath"/>.</summary>
    /// <param name="namespacePath">E.g. <c>/run/netns/lab</c>.</param>
    /// <param name="receiveBufferSize">The receive buffer size.</param>
    /// <returns>The event source, usable from any thread.</returns>
    public static RtNetlinkEventSource OpenIn(string namespacePath, int receiveBufferSize = DefaultReceiveBufferSize) =>
        NetworkNamespace.Run(namespacePath, () => Open(receiveBufferSize));

    /// <inheritdoc/>
    public async IAsyncEnumerable<RtNetlinkEvent> ReadEventsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var events = new List<RtNetlinkEvent>();
        while (!cancellationToken.IsCancellationRequested)
        {
            int length;
            try
            {
                length = await _socket.ReceiveAsync(_buffer, cancellationToken);
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.NoBufferSpaceAvailable)
            {
                length = -1; // ENOBUFS: the kernel dropped messages for us
            }
            catch (OperationCanceledException)
            {
                yield break;
            }

            if (length < 0)
            {
                yield return new OverrunEvent();
                continue;
            }

            Decode(_buffer.AsSpan(0, length), events);
            foreach (var e in events)
            {
                yield return e;
            }

            events.Clear();
        }
    }

    /// <summary>Closes the socket.</summary>
    public void Dispose() => _socket.Dispose();

    private void Decode(ReadOnlySpan<byte> datagram, List<RtNetlinkEvent> events)
    {
        var reader = new NetlinkMessageReader(datagram);
        while (reader.TryReadNext(out var header, out var message))
        {
            if (header.Type is NetlinkConstants.NlmsgNoop or NetlinkConstants.NlmsgDone)
            {
                continue;
            }

            if (RtNetlinkEvent.TryParse(message, out var e, out _))
            {
                events.Add(e);
            }
            else
            {
                Interlocked.Increment(ref _droppedMessages);
            }
        }

        if (reader.Error is not null)
        {
            Interlocked.Increment(ref _droppedMessages);
        }
    }
}
