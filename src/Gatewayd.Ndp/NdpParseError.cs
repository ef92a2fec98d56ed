namespace Gatewayd.Ndp;

/// <summary>What class of fault made a Neighbor Discovery message, or one of its options, unusable.</summary>
public enum NdpParseErrorKind
{
    /// <summary>The message is shorter than its fixed header.</summary>
    Truncated,
    /// <summary>The ICMPv6 type is not the one expected.</summary>
    WrongType,
    /// <summary>The ICMPv6 code is not 0 (RFC 4861 sections 6.1.1, 6.1.2).</summary>
    BadCode,
    /// <summary>An option has length 0, which invalidates the whole packet (RFC 4861 section 4.6).</summary>
    ZeroLengthOption,
    /// <summary>An option's length runs past the end of the message, or a header is cut.</summary>
    LengthOverrun,
    /// <summary>More options than <see cref="RouterAdvertisement.MaxOptions"/>.</summary>
    TooManyOptions,
    /// <summary>A known option's content does not fit its format; the option is ignored, the packet kept.</summary>
    MalformedOption,
}

/// <summary>Why a Neighbor Discovery message or option was rejected, and where.</summary>
/// <param name="Offset">Absolute byte offset (from the ICMPv6 type byte) of the offending header, field or label.</param>
/// <param name="OptionType">The option being parsed, or null for the message header.</param>
/// <param name="Kind">The class of fault.</param>
/// <param name="Reason">A human-readable explanation naming the numbers involved.</param>
public sealed record NdpParseError(int Offset, NdpOptionType? OptionType, NdpParseErrorKind Kind, string Reason)
{
    /// <inheritdoc/>
    public override string ToString() => OptionType is { } type
        ? $"{Kind} in option {(byte)type} at offset {Offset}: {Reason}"
        : $"{Kind} at offset {Offset}: {Reason}";
}
