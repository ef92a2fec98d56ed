namespace Gatewayd.Dhcp6;

/// <summary>
/// An option this codec does not interpret, kept verbatim so it is never dropped and re-serializes unchanged
/// (RFC 8415 section 16: a client ignores, but must not corrupt, options it does not understand).
/// </summary>
public sealed record UnknownOption : Dhcp6Option
{
    private readonly Dhcp6OptionCode _code;

    /// <summary>Creates an option from its code and raw value.</summary>
    /// <param name="code">The option code.</param>
    /// <param name="value">The option value, copied.</param>
    public UnknownOption(ushort code, ReadOnlySpan<byte> value)
        : this((Dhcp6OptionCode)code, value.ToArray())
    {
    }

    internal UnknownOption(Dhcp6OptionCode code, ReadOnlyMemory<byte> value)
    {
        _code = code;
        Value = value;
    }

    /// <inheritdoc/>
    public override Dhcp6OptionCode Code => _code;

    /// <summary>The raw option value.</summary>
    public ReadOnlyMemory<byte> Value { get; }

    /// <inheritdoc/>
    public override int ValueLength => Value.Length;

    private protected override void WriteValue(Span<byte> destination) => Value.Span.CopyTo(destination);
}
