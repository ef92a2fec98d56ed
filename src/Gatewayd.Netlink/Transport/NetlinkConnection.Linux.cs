using System.Net.Sockets;
using Gatewayd.Netlink.Uapi;

namespace Gatewayd.Netlink;

/// <summary>
/// The kernel side of <see cref="INetlinkConnection"/>: one <see cref="NetlinkSocket"/>, sequence numbers, ACK and error
/// handling, multipart assembly. Requests are serialized: one is in flight at a time. Linux only.
/// </summary>
public sealed class NetlinkConnection : INetlinkConnection
{
    private const int ReceiveBufferLength = 64 * 1024; // kernel dump datagrams are at most 32 KiB (netlink_dump)

    private readonly NetlinkSocket _socket;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly byte[] _buffer = new byte[ReceiveBufferLength];
    private uint _sequence;

    /// <summary>Wraps an open socket, taking ownership of it.</summary>
    /// <param name="socket">A socket with no multicast groups.</param>
    public NetlinkConnection(NetlinkSocket socket)
    {
        ArgumentNullException.ThrowIfNull(socket);
        _socket = socket;
        _sequence = (uint)Environment.TickCount;
    }

    /// <summary>Opens a request socket in the calling thread's network namespace.</summary>
    /// <returns>The connection.</returns>
    public static NetlinkConnection Open() => new(NetlinkSocket.Open());

    /// <summary>Opens a request socket inside the network namespace at <paramref name="namespacePath"/>.</summary>
    /// <param name="namespacePath">E.g. <c>/run/netns/lab</c>.</param>
    /// <returns>The connection, usable from any thread.</returns>
    public static NetlinkConnection OpenIn(string namespacePath) => NetworkNamespace.Run(namespacePath, Open);

    /// <inheritdoc/>
    public async Task<NetlinkReply> ExecuteAsync(NetlinkRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var sequence = unchecked(++_sequence);
            var message = request.Message.ToArray();
            HostOrder.Write(message.AsSpan(8), sequence);
            try
            {
                await _socket.SendAsync(message, cancellationToken);
            }
            catch (SocketException e)
            {
                throw new NetlinkException(request.Operation, e.NativeErrorCode, "send failed", null, e);
            }

            return await ReceiveReplyAsync(request, sequence, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Closes the socket.</summary>
    public void Dispose()
    {
        _socket.Dispose();
        _gate.Dispose();
    }

    private async Task<NetlinkReply> ReceiveReplyAsync(NetlinkRequest request, uint sequence, CancellationToken cancellationToken)
    {
        var messages = new List<ReadOnlyMemory<byte>>();
        var interrupted = false;
        while (true)
        {
            int length;
            try
            {
                length = await _socket.ReceiveAsync(_buffer, cancellationToken);
            }
            catch (SocketException e)
            {
                throw new NetlinkException(request.Operation, e.NativeErrorCode, "receive failed", null, e);
            }

            if (Collect(request, sequence, _buffer.AsSpan(0, length), messages, ref interrupted))
            {
                return new NetlinkReply(messages, interrupted);
            }
        }
    }

    /// <summary>Takes the messages of one datagram; true when the reply is complete.</summary>
    private bool Collect(NetlinkRequest request, uint sequence, ReadOnlySpan<byte> datagram, List<ReadOnlyMemory<byte>> messages, ref bool interrupted)
    {
        var reader = new NetlinkMessageReader(datagram);
        while (reader.TryReadNext(out var header, out var message))
        {
            if (header.Sequence != sequence || (header.PortId != 0 && header.PortId != _socket.PortId))
            {
                continue; // the answer to a cancelled earlier request
            }

            interrupted |= header.Flags.HasFlag(NetlinkMessageFlags.DumpInterrupted);
            switch (header.Type)
            {
                case NetlinkConstants.NlmsgNoop:
                    continue;
                case NetlinkConstants.NlmsgError:
                    if (!NetlinkErrorMessage.TryParse(message, out var error, out var parseError))
                    {
                        ThrowHelper.ThrowMalformed(request.Operation, parseError);
                    }

                    if (error.Errno != 0)
                    {
                        ThrowHelper.ThrowKernelError(request.Operation, error);
                    }

                    return true;
                case NetlinkConstants.NlmsgDone:
                    // A dump that failed part-way reports a negative errno as the NLMSG_DONE payload.
                    if (message.Length >= NetlinkHeader.Size + 4 && HostOrder.I32(message[NetlinkHeader.Size..]) is < 0 and var errno)
                    {
                        throw new NetlinkException(request.Operation, -errno, "dump failed");
                    }

                    return true;
                case NetlinkConstants.NlmsgOverrun:
                    throw new NetlinkException(request.Operation, Errno.ENOBUFS, "NLMSG_OVERRUN");
                default:
                    messages.Add(message.ToArray());
                    if (!request.IsDump && !request.Header.Flags.HasFlag(NetlinkMessageFlags.Ack) && !header.Flags.HasFlag(NetlinkMessageFlags.Multi))
                    {
                        return true;
                    }

                    break;
            }
        }

        if (reader.Error is { } malformed)
        {
            ThrowHelper.ThrowMalformed(request.Operation, malformed);
        }

        return false;
    }
}
