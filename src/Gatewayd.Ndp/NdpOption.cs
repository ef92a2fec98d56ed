namespace Gatewayd.Ndp;

/// <summary>
/// A Neighbor Discovery option (RFC 4861 section 4.6): type, length in 8-byte units, body. The hierarchy is closed:
/// known options are sealed records, others are <see cref="UnknownNdpOption"/>, malformed known ones
/// <see cref="MalformedNdpOption"/>; both are kept verbatim.
/// </summary>
/// <remarks>Reserved fields are written as zero. Compare content with <see cref="WireEquals"/>.</remarks>
public abstract record NdpOption
{
    private protected NdpOption()
    {
    }

    /// <summary>The option type.</summary>
    public abstract NdpOptionType Type { get; }

    /// <summary>Bytes after the type and length bytes, before padding to a multiple of 8.</summary>
    private protected abstract int BodyLength { get; }

    /// <summary>Length of the whole option on the wire in bytes, a multiple of 8.</summary>
    public int Length => (2 + BodyLength + NdpConstants.OptionUnit - 1) / NdpConstants.OptionUnit * NdpConstants.OptionUnit;

    /// <summary>Writes the option, zero-padded to a multiple of 8 bytes.</summary>
    /// <param name="destination">Where to write; must hold <see cref="Length"/> bytes.</param>
    /// <returns>Bytes written.</returns>
    /// <exception cref="ArgumentException">The destination is too short.</exception>
    /// <exception cref="InvalidOperationException">The option exceeds 255 units of 8 bytes.</exception>
    public int WriteTo(Span<byte> destination)
    {
        int length = Length;
        if (length / NdpConstants.OptionUnit > byte.MaxValue)
            throw new InvalidOperationException($"Option {(byte)Type} is {length} bytes; the length field counts at most 255 units of 8.");
        if (destination.Length < length)
            throw new ArgumentException($"Destination holds {destination.Length} bytes; {length} are needed.", nameof(destination));
        destination[..length].Clear();
        destination[0] = (byte)Type;
        destination[1] = (byte)(length / NdpConstants.OptionUnit);
        WriteBody(destination[2..length]);
        return length;
    }

    /// <summary>Serializes the option to a new array.</summary>
    /// <returns>The option's wire bytes.</returns>
    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        WriteTo(bytes);
        return bytes;
    }

    /// <summary>Whether two options serialize to the same bytes.</summary>
    /// <param name="other">The option to compare with.</param>
    /// <returns>True when the wire forms are identical.</returns>
    public bool WireEquals(NdpOption? other) => other is not null && ToArray().AsSpan().SequenceEqual(other.ToArray());

    /// <summary>Writes the body into an already zeroed span that holds the padding as well.</summary>
    private protected abstract void WriteBody(Span<byte> destination);
}

/// <summary>An option type this codec does not interpret, kept verbatim (RFC 4861 section 4.6: receivers skip unknown options).</summary>
public sealed record UnknownNdpOption : NdpOption
{
    private readonly NdpOptionType _type;

    /// <summary>Creates the option.</summary>
    /// <param name="type">The option type.</param>
    /// <param name="body">Everything after the type and length bytes, copied; padded with zeros to a multiple of 8 on write.</param>
    public UnknownNdpOption(byte type, ReadOnlySpan<byte> body)
        : this((NdpOptionType)type, (ReadOnlyMemory<byte>)body.ToArray())
    {
    }

    internal UnknownNdpOption(NdpOptionType type, ReadOnlyMemory<byte> body)
    {
        _type = type;
        Body = body;
    }

    /// <inheritdoc/>
    public override NdpOptionType Type => _type;

    /// <summary>The bytes after the type and length bytes.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    private protected override int BodyLength => Body.Length;

    private protected override void WriteBody(Span<byte> destination) => Body.Span.CopyTo(destination);
}

/// <summary>
/// A known option whose content is malformed. RFC 4191 section 3.1 has a receiver ignore such a Route Information
/// option and use the rest of the packet; the codec applies that rule to every known option (only a zero length or an
/// overrun discards the packet, RFC 4861 section 4.6). The option is kept verbatim with the reason.
/// </summary>
public sealed record MalformedNdpOption : NdpOption
{
    private readonly NdpOptionType _type;

    internal MalformedNdpOption(NdpOptionType type, ReadOnlyMemory<byte> body, NdpParseError problem)
    {
        _type = type;
        Body = body;
        Problem = problem;
    }

    /// <inheritdoc/>
    public override NdpOptionType Type => _type;

    /// <summary>The bytes after the type and length bytes.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>What is wrong with the option, and where.</summary>
    public NdpParseError Problem { get; }

    private protected override int BodyLength => Body.Length;

    private protected override void WriteBody(Span<byte> destination) => Body.Span.CopyTo(destination);
}
