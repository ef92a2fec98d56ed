using System.Net;

namespace Gatewayd.Dhcp6;

/// <summary>OPTION_S46_BR (RFC 7598 section 4.2): a MAP-E Border Relay / lw4o6 AFTR IPv6 address.</summary>
/// <param name="Address">The BR address.</param>
public sealed record S46BrOption(IPAddress Address) : Dhcp6Option
{
    /// <inheritdoc/>
    public override Dhcp6OptionCode Code => Dhcp6OptionCode.S46Br;

    /// <inheritdoc/>
    public override int ValueLength => 16;

    private protected override void WriteValue(Span<byte> destination) => Address.TryWriteBytes(destination, out _);

    internal static S46BrOption? Decode(ParseContext context, in RawOption raw, out Dhcp6ParseError? error)
    {
        error = raw.Length == 16 ? null : raw.WrongLength("S46_BR", 16);
        return error is null ? new S46BrOption(new IPAddress(context.Value(raw))) : null;
    }
}

/// <summary>OPTION_S46_DMR (RFC 7598 section 4.3): the MAP-T Default Mapping Rule prefix.</summary>
public sealed record S46DmrOption : Dhcp6Option
{
    /// <summary>Creates the option.</summary>
    /// <param name="prefix">The DMR prefix.</param>
    public S46DmrOption(IPNetwork prefix)
    {
        PrefixLength = (byte)prefix.PrefixLength;
        Span<byte> bytes = stackalloc byte[16];
        prefix.BaseAddress.TryWriteBytes(bytes, out _);
        PrefixBytes = bytes[..PrefixMath.ByteCount(PrefixLength)].ToArray();
    }

    private S46DmrOption(byte prefixLength, ReadOnlyMemory<byte> prefixBytes)
    {
        PrefixLength = prefixLength;
        PrefixBytes = prefixBytes;
    }

    /// <summary>DMR prefix length, 0..128.</summary>
    public byte PrefixLength { get; }

    /// <summary>The ceil(len / 8) prefix bytes as sent.</summary>
    public ReadOnlyMemory<byte> PrefixBytes { get; }

    /// <inheritdoc/>
    public override Dhcp6OptionCode Code => Dhcp6OptionCode.S46Dmr;

    /// <inheritdoc/>
    public override int ValueLength => 1 + PrefixBytes.Length;

    private protected override void WriteValue(Span<byte> destination)
    {
        destination[0] = PrefixLength;
        PrefixBytes.Span.CopyTo(destination[1..]);
    }

    internal static S46DmrOption? Decode(ParseContext context, in RawOption raw, out Dhcp6ParseError? error)
    {
        ReadOnlySpan<byte> value = context.Value(raw);
        if (value.IsEmpty || value[0] > 128 || value.Length != 1 + PrefixMath.ByteCount(value[0]))
        {
            error = value.IsEmpty ? raw.Error(Dhcp6ParseErrorKind.EmptyValue, "zero-length S46_DMR")
                : value[0] > 128 ? raw.ErrorAt(raw.ValueOffset, Dhcp6ParseErrorKind.BadValue, $"S46_DMR prefix length {value[0]} exceeds 128")
                : raw.Error(Dhcp6ParseErrorKind.BadLength, $"S46_DMR length {raw.Length} does not match a /{value[0]} prefix");
            return null;
        }

        error = null;
        return new S46DmrOption(value[0], context.Memory(raw.ValueOffset + 1, raw.Length - 1));
    }
}
