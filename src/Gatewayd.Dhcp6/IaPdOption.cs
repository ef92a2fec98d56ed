using System.Buffers.Binary;

namespace Gatewayd.Dhcp6;

/// <summary>OPTION_IA_PD (RFC 8415 section 21.21): an identity association for prefix delegation.</summary>
/// <param name="Iaid">The IA identifier, stable across restarts for the same interface.</param>
/// <param name="T1">Seconds until the client renews (0: client's choice, 0xffffffff: never).</param>
/// <param name="T2">Seconds until the client rebinds (0: client's choice, 0xffffffff: never).</param>
/// <param name="Options">Encapsulated options: IAPREFIX, STATUS_CODE, anything else kept as sent.</param>
public sealed record IaPdOption(uint Iaid, uint T1, uint T2, IReadOnlyList<Dhcp6Option> Options) : Dhcp6Option
{
    /// <summary>Length of IAID, T1 and T2 (RFC 8415 section 21.21).</summary>
    public const int FixedLength = 12;

    /// <summary>Creates an IA_PD from any sequence of sub-options.</summary>
    /// <param name="iaid">The IA identifier.</param>
    /// <param name="t1">T1 in seconds.</param>
    /// <param name="t2">T2 in seconds.</param>
    /// <param name="options">Encapsulated options, copied.</param>
    public IaPdOption(uint iaid, uint t1, uint t2, params IEnumerable<Dhcp6Option> options)
        : this(iaid, t1, t2, OptionWriter.Freeze(options))
    {
    }

    /// <summary>The delegated prefixes (IAPREFIX sub-options), in wire order.</summary>
    public IReadOnlyList<IaPrefixOption> Prefixes => OptionList.All<IaPrefixOption>(Options);

    /// <summary>The IA-level status (RFC 8415 section 21.13), or null when absent (which means Success).</summary>
    public StatusCodeOption? Status => OptionList.First<StatusCodeOption>(Options);

    /// <inheritdoc/>
    public override Dhcp6OptionCode Code => Dhcp6OptionCode.IaPd;

    /// <inheritdoc/>
    public override int ValueLength => FixedLength + OptionWriter.Measure(Options);

    private protected override void WriteValue(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination, Iaid);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], T1);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], T2);
        OptionWriter.Write(Options, destination[FixedLength..]);
    }

    internal static IaPdOption? Decode(ParseContext context, in RawOption raw, int depth, out Dhcp6ParseError? error)
    {
        if (raw.Length < FixedLength)
        {
            error = raw.TooShort("IA_PD", FixedLength);
            return null;
        }

        ReadOnlySpan<byte> value = context.Value(raw);
        IReadOnlyList<Dhcp6Option>? options = OptionReader.ReadEncapsulated(context, raw, raw.ValueOffset + FixedLength, depth, out error);
        return options is null ? null : new IaPdOption(
            BinaryPrimitives.ReadUInt32BigEndian(value),
            BinaryPrimitives.ReadUInt32BigEndian(value[4..]),
            BinaryPrimitives.ReadUInt32BigEndian(value[8..]),
            options);
    }
}
