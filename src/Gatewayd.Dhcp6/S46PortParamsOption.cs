using System.Buffers.Binary;

namespace Gatewayd.Dhcp6;

/// <summary>OPTION_S46_PORTPARAMS (RFC 7598 section 4.5): PSID offset, PSID length and PSID.</summary>
/// <param name="Offset">PSID offset 'a', 0..15 (RFC 7597 section 5.1; 6 on the NGN MAP-E services).</param>
/// <param name="PsidLength">PSID length 'k', 0..16.</param>
/// <param name="Psid">The PSID field: the first <paramref name="PsidLength"/> bits from the left, then zero padding.</param>
public sealed record S46PortParamsOption(byte Offset, byte PsidLength, ushort Psid) : Dhcp6Option
{
    /// <summary>The PSID value: the left-aligned <see cref="PsidLength"/> bits shifted down; 0 when the length is 0.</summary>
    public ushort PsidValue => PsidLength is 0 or > 16 ? (ushort)0 : (ushort)(Psid >> (16 - PsidLength));

    /// <inheritdoc/>
    public override Dhcp6OptionCode Code => Dhcp6OptionCode.S46PortParams;

    /// <inheritdoc/>
    public override int ValueLength => 4;

    private protected override void WriteValue(Span<byte> destination)
    {
        destination[0] = Offset;
        destination[1] = PsidLength;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], Psid);
    }

    internal static S46PortParamsOption? Decode(ParseContext context, in RawOption raw, out Dhcp6ParseError? error)
    {
        error = raw.Length == 4 ? null : raw.WrongLength("S46_PORTPARAMS", 4);
        if (error is not null)
            return null;
        ReadOnlySpan<byte> value = context.Value(raw);
        return new S46PortParamsOption(value[0], value[1], BinaryPrimitives.ReadUInt16BigEndian(value[2..]));
    }
}
