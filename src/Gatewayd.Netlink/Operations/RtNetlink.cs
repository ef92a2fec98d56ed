using Gatewayd.Netlink.Uapi;

namespace Gatewayd.Netlink;

/// <summary>
/// Typed rtnetlink operations over an <see cref="INetlinkConnection"/>: dumps, and changes to links, addresses, routes and rules.
/// Errors are <see cref="NetlinkException"/>s naming the message type and the object, with interface names resolved when possible.
/// </summary>
public sealed partial class RtNetlink : IDisposable
{
    /// <summary>How many times a dump is repeated while the kernel flags it interrupted (<c>NLM_F_DUMP_INTR</c>).</summary>
    public const int DumpAttempts = 5;

    private const NetlinkMessageFlags DumpFlags = NetlinkMessageFlags.Request | NetlinkMessageFlags.Dump;
    private const NetlinkMessageFlags AckFlags = NetlinkMessageFlags.Request | NetlinkMessageFlags.Ack;
    private const NetlinkMessageFlags CreateFlags = AckFlags | NetlinkMessageFlags.Create | NetlinkMessageFlags.Exclusive;
    private const NetlinkMessageFlags ReplaceFlags = AckFlags | NetlinkMessageFlags.Create | NetlinkMessageFlags.Replace;

    private readonly INetlinkConnection _connection;
    private long _droppedMessages;

    /// <summary>Uses <paramref name="connection"/>, taking ownership of it.</summary>
    /// <param name="connection">The kernel (<see cref="NetlinkConnection"/>) or a twin.</param>
    public RtNetlink(INetlinkConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
    }

    /// <summary>Dump messages that could not be decoded and were skipped.</summary>
    public long DroppedMessages => Interlocked.Read(ref _droppedMessages);

    /// <summary>Closes the connection.</summary>
    public void Dispose() => _connection.Dispose();

    private delegate bool Decoder<T>(ReadOnlySpan<byte> message, out T? value, out NetlinkParseError error)
        where T : class;

    private async Task<List<T>> DumpAsync<T>(byte[] request, string operation, Decoder<T> decode, Func<T, bool> keep, CancellationToken cancellationToken)
        where T : class
    {
        for (var attempt = 1; ; attempt++)
        {
            var reply = await _connection.ExecuteAsync(new NetlinkRequest(request, operation), cancellationToken);
            if (reply.Interrupted && attempt < DumpAttempts)
            {
                continue; // the table changed during the dump: the parts may not agree, so take it again
            }

            if (reply.Interrupted)
            {
                throw new NetlinkException(operation, Errno.EINTR, $"dump still inconsistent (NLM_F_DUMP_INTR) after {DumpAttempts} attempts");
            }

            var result = new List<T>(reply.Messages.Count);
            foreach (var message in reply.Messages)
            {
                if (decode(message.Span, out var value, out _) && value is not null)
                {
                    if (keep(value))
                    {
                        result.Add(value);
                    }
                }
                else
                {
                    Interlocked.Increment(ref _droppedMessages);
                }
            }

            return result;
        }
    }

    private async Task<NetlinkReply> ExecuteAsync(byte[] request, string operation, int? interfaceIndex, Func<string, string> describe, CancellationToken cancellationToken)
    {
        try
        {
            return await _connection.ExecuteAsync(new NetlinkRequest(request, operation), cancellationToken);
        }
        catch (NetlinkException e) when (interfaceIndex is { } index && e.Errno != 0)
        {
            // Only on failure: look the interface up so the error says "dev mape0" rather than "dev #7".
            var name = await TryGetNameAsync(index, cancellationToken);
            if (name is null)
            {
                throw;
            }

            throw e.WithOperation(describe(name));
        }
    }

    private async Task<string?> TryGetNameAsync(int index, CancellationToken cancellationToken)
    {
        try
        {
            return (await GetLinkAsync(index, cancellationToken))?.Name;
        }
        catch (NetlinkException)
        {
            return null;
        }
    }

    private static string Name(RtMessageType type, string description) => $"{MessageNames.Of(type)} {description}";

    private static NetlinkWriter Writer(RtMessageType type, NetlinkMessageFlags flags) => new((ushort)type, flags);

    private static byte[] FamilyDump(RtMessageType type, int headerLength, InetFamily family)
    {
        var writer = Writer(type, DumpFlags);
        writer.Reserve(headerLength)[0] = (byte)family;
        return writer.ToArray();
    }
}
