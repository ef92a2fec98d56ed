namespace Gatewayd.Netlink;

/// <summary>Shared first step of the typed decoders: header, type range and fixed family header.</summary>
internal static class MessageBody
{
    public static bool TrySplit(
        ReadOnlySpan<byte> message,
        ushort firstType,
        ushort lastType,
        int fixedLength,
        out ReadOnlySpan<byte> fixedHeader,
        out AttributeReader attributes,
        out NetlinkParseError error)
    {
        fixedHeader = default;
        attributes = default;
        if (!NetlinkHeader.TryRead(message, out var header))
        {
            error = new NetlinkParseError(NetlinkParseErrorKind.Truncated, 0, $"{message.Length} bytes, a netlink header needs {NetlinkHeader.Size}");
            return false;
        }

        if (header.Length < NetlinkHeader.Size || header.Length > (uint)message.Length)
        {
            error = new NetlinkParseError(NetlinkParseErrorKind.BadMessageLength, 0, $"nlmsg_len {header.Length} with {message.Length} bytes");
            return false;
        }

        if (header.Type < firstType || header.Type > lastType)
        {
            error = new NetlinkParseError(NetlinkParseErrorKind.UnexpectedMessageType, 4, $"{MessageNames.Of(header.Type)} is not {MessageNames.Of(firstType)}..{MessageNames.Of(lastType)}");
            return false;
        }

        var body = message[NetlinkHeader.Size..(int)header.Length];
        if (body.Length < fixedLength)
        {
            error = new NetlinkParseError(NetlinkParseErrorKind.Truncated, NetlinkHeader.Size, $"{body.Length}-byte body, {MessageNames.Of(header.Type)} needs a {fixedLength}-byte header");
            return false;
        }

        fixedHeader = body[..fixedLength];
        var attributeStart = Math.Min(HostOrder.Align(fixedLength), body.Length);
        attributes = new AttributeReader(body[attributeStart..], NetlinkHeader.Size + attributeStart);
        error = default;
        return true;
    }

    public static NetlinkParseError Fail(AttributeReader reader) => reader.Error ?? default;
}
