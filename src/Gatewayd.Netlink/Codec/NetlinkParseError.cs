namespace Gatewayd.Netlink;

/// <summary>What kind of malformation a decoder found.</summary>
public enum NetlinkParseErrorKind
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>Fewer bytes than a fixed header or structure needs.</summary>
    Truncated,

    /// <summary><c>nlmsg_len</c> is below the header size or runs past the datagram.</summary>
    BadMessageLength,

    /// <summary><c>rta_len</c> is below 4 or runs past the enclosing message or attribute.</summary>
    BadAttributeLength,

    /// <summary>An attribute's payload has the wrong size for its type (e.g. a 3-byte u32).</summary>
    BadAttributeValue,

    /// <summary>The message type is not the one this decoder reads.</summary>
    UnexpectedMessageType,
}

/// <summary>Why and where a netlink message could not be decoded. Decoders return this instead of throwing.</summary>
/// <param name="Kind">The kind of malformation.</param>
/// <param name="Offset">Byte offset of the offending header or attribute, from the start of the decoded buffer.</param>
/// <param name="Detail">A short human-readable explanation.</param>
public readonly record struct NetlinkParseError(NetlinkParseErrorKind Kind, int Offset, string Detail)
{
    /// <summary>Formats as <c>Kind at byte N: detail</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Kind} at byte {Offset}: {Detail}";
}
