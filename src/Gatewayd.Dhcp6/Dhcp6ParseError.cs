namespace Gatewayd.Dhcp6;

/// <summary>What class of fault made a DHCPv6 message unparseable; meant for drop counters.</summary>
public enum Dhcp6ParseErrorKind
{
    /// <summary>The message or an option header is cut short.</summary>
    Truncated,
    /// <summary>An option length runs past the end of the message or of the enclosing option.</summary>
    LengthOverrun,
    /// <summary>An option's length does not fit its format (too short, or not the fixed size).</summary>
    BadLength,
    /// <summary>An option that must carry a value is empty.</summary>
    EmptyValue,
    /// <summary>A field holds a value its RFC forbids.</summary>
    BadValue,
    /// <summary>A domain name is malformed (RFC 1035 section 3.1, RFC 8415 section 10).</summary>
    BadDomainName,
    /// <summary>More options than <see cref="Dhcp6Message.MaxOptions"/>.</summary>
    TooManyOptions,
    /// <summary>Encapsulated options nest deeper than <see cref="Dhcp6Message.MaxNestingDepth"/>.</summary>
    TooDeep,
    /// <summary>The message type is unknown or not handled by a client (relay messages).</summary>
    UnsupportedMessageType,
}

/// <summary>Why a DHCPv6 message was rejected, and where.</summary>
/// <param name="Offset">Absolute byte offset in the message of the offending header, field or label.</param>
/// <param name="OptionCode">The option being parsed when the fault was found, or null for the message header.</param>
/// <param name="Kind">The class of fault.</param>
/// <param name="Reason">A human-readable explanation naming the numbers involved.</param>
public sealed record Dhcp6ParseError(int Offset, Dhcp6OptionCode? OptionCode, Dhcp6ParseErrorKind Kind, string Reason)
{
    /// <inheritdoc/>
    public override string ToString() => OptionCode is { } code
        ? $"{Kind} in option {(ushort)code} at offset {Offset}: {Reason}"
        : $"{Kind} at offset {Offset}: {Reason}";
}
