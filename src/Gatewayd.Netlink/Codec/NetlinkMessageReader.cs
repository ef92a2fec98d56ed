namespace Gatewayd.Netlink;

/// <summary>Splits one received datagram into netlink messages (each padded to 4 bytes), validating every <c>nlmsg_len</c>.</summary>
public ref struct NetlinkMessageReader
{
    private readonly ReadOnlySpan<byte> _datagram;
    private int _offset;

    /// <summary>Starts reading at the first message of <paramref name="datagram"/>.</summary>
    /// <param name="datagram">The bytes of one <c>recv</c>.</param>
    public NetlinkMessageReader(ReadOnlySpan<byte> datagram)
    {
        _datagram = datagram;
        _offset = 0;
        Error = null;
    }

    /// <summary>The malformation that stopped reading, if any; null at a clean end.</summary>
    public NetlinkParseError? Error { get; private set; }

    /// <summary>The byte offset of the next message in the datagram.</summary>
    public readonly int Offset => _offset;

    /// <summary>Reads the next message.</summary>
    /// <param name="header">The message header.</param>
    /// <param name="message">The whole message (header included, padding excluded).</param>
    /// <returns>False at the end of the datagram or on a malformed header (see <see cref="Error"/>).</returns>
    public bool TryReadNext(out NetlinkHeader header, out ReadOnlySpan<byte> message)
    {
        header = default;
        message = default;
        if (Error is not null || _offset >= _datagram.Length)
        {
            return false;
        }

        var rest = _datagram[_offset..];
        if (!NetlinkHeader.TryRead(rest, out header))
        {
            Error = new NetlinkParseError(NetlinkParseErrorKind.Truncated, _offset, $"{rest.Length} bytes left, a netlink header needs {NetlinkHeader.Size}");
            return false;
        }

        if (header.Length < NetlinkHeader.Size || header.Length > (uint)rest.Length)
        {
            Error = new NetlinkParseError(NetlinkParseErrorKind.BadMessageLength, _offset, $"nlmsg_len {header.Length} with {rest.Length} bytes left");
            return false;
        }

        message = rest[..(int)header.Length];
        _offset += Math.Min(HostOrder.Align((int)header.Length), rest.Length);
        return true;
    }
}
