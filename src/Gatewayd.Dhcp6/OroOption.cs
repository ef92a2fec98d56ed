using System.Buffers.Binary;

namespace Gatewayd.Dhcp6;

/// <summary>OPTION_ORO (RFC 8415 section 21.7): the options a client asks the server for.</summary>
public sealed record OroOption : Dhcp6Option
{
    /// <summary>Creates an ORO listing <paramref name="codes"/> in order.</summary>
    /// <param name="codes">The requested option codes.</param>
    public OroOption(params IEnumerable<Dhcp6OptionCode> codes) => Codes = new List<Dhcp6OptionCode>(codes).AsReadOnly();

    private OroOption(IReadOnlyList<Dhcp6OptionCode> codes, bool _) => Codes = codes;

    /// <summary>The requested option codes, in wire order.</summary>
    public IReadOnlyList<Dhcp6OptionCode> Codes { get; }

    /// <inheritdoc/>
    public override Dhcp6OptionCode Code => Dhcp6OptionCode.Oro;

    /// <inheritdoc/>
    public override int ValueLength => Codes.Count * 2;

    private protected override void WriteValue(Span<byte> destination)
    {
        for (int i = 0; i < Codes.Count; i++)
            BinaryPrimitives.WriteUInt16BigEndian(destination[(i * 2)..], (ushort)Codes[i]);
    }

    internal static OroOption? Decode(ParseContext context, in RawOption raw, out Dhcp6ParseError? error)
    {
        // An empty ORO is legal (RFC 8415 section 21.7 sets no minimum); an odd length is not.
        if (raw.Length % 2 != 0)
        {
            error = raw.Error(Dhcp6ParseErrorKind.BadLength, $"ORO length {raw.Length} is not a multiple of 2");
            return null;
        }

        ReadOnlySpan<byte> value = context.Value(raw);
        var codes = new Dhcp6OptionCode[raw.Length / 2];
        for (int i = 0; i < codes.Length; i++)
            codes[i] = (Dhcp6OptionCode)BinaryPrimitives.ReadUInt16BigEndian(value[(i * 2)..]);
        error = null;
        return new OroOption(Array.AsReadOnly(codes), false);
    }
}
