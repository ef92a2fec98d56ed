using Gatewayd.Netlink.Uapi;

namespace Gatewayd.Netlink;

/// <summary>Iterates the attributes in a span (a message tail or a nested attribute), validating every <c>rta_len</c>.</summary>
public ref struct AttributeReader
{
    private readonly ReadOnlySpan<byte> _bytes;
    private readonly int _baseOffset;
    private int _position;

    /// <summary>Starts at the first attribute.</summary>
    /// <param name="bytes">The attribute area.</param>
    /// <param name="baseOffset">Where <paramref name="bytes"/> starts in the decoded buffer, so errors report buffer offsets.</param>
    public AttributeReader(ReadOnlySpan<byte> bytes, int baseOffset)
    {
        _bytes = bytes;
        _baseOffset = baseOffset;
        _position = 0;
        Error = null;
    }

    /// <summary>The malformation that stopped reading, if any; null at a clean end.</summary>
    public NetlinkParseError? Error { get; private set; }

    /// <summary>Reads the next attribute.</summary>
    /// <param name="attribute">The attribute.</param>
    /// <returns>False at the end or on a malformed attribute header (see <see cref="Error"/>).</returns>
    public bool TryReadNext(out Rtattr attribute)
    {
        attribute = default;
        if (Error is not null || _position >= _bytes.Length)
        {
            return false;
        }

        var offset = _baseOffset + _position;
        var rest = _bytes[_position..];
        if (rest.Length < NetlinkConstants.AttributeHeaderLength)
        {
            Error = new NetlinkParseError(NetlinkParseErrorKind.Truncated, offset, $"{rest.Length} bytes left, an attribute header needs 4");
            return false;
        }

        int length = HostOrder.U16(rest);
        var type = HostOrder.U16(rest[2..]);
        if (length < NetlinkConstants.AttributeHeaderLength)
        {
            Error = new NetlinkParseError(NetlinkParseErrorKind.BadAttributeLength, offset, $"rta_len {length} is below 4 (type {type & NetlinkConstants.NlaTypeMask})");
            return false;
        }

        if (length > rest.Length)
        {
            Error = new NetlinkParseError(NetlinkParseErrorKind.BadAttributeLength, offset, $"rta_len {length} runs past the end ({rest.Length} bytes left, type {type & NetlinkConstants.NlaTypeMask})");
            return false;
        }

        attribute = new Rtattr(type, rest[NetlinkConstants.AttributeHeaderLength..length], offset);
        _position += Math.Min(HostOrder.Align(length), rest.Length);
        return true;
    }
}
