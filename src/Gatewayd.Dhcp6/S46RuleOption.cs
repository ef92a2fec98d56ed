using System.Net;

namespace Gatewayd.Dhcp6;

/// <summary>OPTION_S46_RULE (RFC 7598 section 4.1): one MAP-E/MAP-T mapping rule.</summary>
public sealed record S46RuleOption : Dhcp6Option
{
    /// <summary>Bytes before the variable IPv6 prefix: flags, ea-len, prefix4-len, ipv4-prefix, prefix6-len.</summary>
    public const int FixedLength = 8;

    /// <summary>Creates a rule.</summary>
    /// <param name="flags">Flags byte; bit 0x01 is F (RFC 7598 section 4.1: the rule is a Forwarding Mapping Rule).</param>
    /// <param name="eaLength">EA-bits length, 0..48.</param>
    /// <param name="ipv4Prefix">Rule IPv4 prefix.</param>
    /// <param name="ipv6Prefix">Rule IPv6 prefix.</param>
    /// <param name="options">Sub-options (S46_PORTPARAMS), copied.</param>
    public S46RuleOption(byte flags, byte eaLength, IPNetwork ipv4Prefix, IPNetwork ipv6Prefix, params IEnumerable<Dhcp6Option> options)
    {
        Flags = flags;
        EaLength = eaLength;
        Prefix4Length = (byte)ipv4Prefix.PrefixLength;
        Ipv4PrefixAddress = ipv4Prefix.BaseAddress;
        Prefix6Length = (byte)ipv6Prefix.PrefixLength;
        Span<byte> bytes = stackalloc byte[16];
        ipv6Prefix.BaseAddress.TryWriteBytes(bytes, out _);
        Ipv6PrefixBytes = bytes[..PrefixMath.ByteCount(Prefix6Length)].ToArray();
        Options = OptionWriter.Freeze(options);
    }

    private S46RuleOption(byte flags, byte eaLength, byte prefix4Length, IPAddress ipv4, byte prefix6Length, ReadOnlyMemory<byte> ipv6Bytes, IReadOnlyList<Dhcp6Option> options)
    {
        Flags = flags;
        EaLength = eaLength;
        Prefix4Length = prefix4Length;
        Ipv4PrefixAddress = ipv4;
        Prefix6Length = prefix6Length;
        Ipv6PrefixBytes = ipv6Bytes;
        Options = options;
    }

    /// <summary>The raw flags byte.</summary>
    public byte Flags { get; }

    /// <summary>The F flag: this rule is also a Forwarding Mapping Rule (RFC 7598 section 4.1).</summary>
    public bool IsForwardingMappingRule => (Flags & 0x01) != 0;

    /// <summary>EA-bits length (RFC 7597 section 5.2).</summary>
    public byte EaLength { get; }

    /// <summary>Rule IPv4 prefix length, 0..32.</summary>
    public byte Prefix4Length { get; }

    /// <summary>Rule IPv4 prefix as sent (host bits kept).</summary>
    public IPAddress Ipv4PrefixAddress { get; }

    /// <summary>Rule IPv6 prefix length, 0..128.</summary>
    public byte Prefix6Length { get; }

    /// <summary>The ceil(prefix6-len / 8) IPv6 prefix bytes as sent (trailing bits kept).</summary>
    public ReadOnlyMemory<byte> Ipv6PrefixBytes { get; }

    /// <summary>Sub-options, typically one S46_PORTPARAMS.</summary>
    public IReadOnlyList<Dhcp6Option> Options { get; }

    /// <summary>The rule IPv4 prefix, host bits cleared.</summary>
    public IPNetwork Ipv4Prefix => PrefixMath.Network(Ipv4PrefixAddress, Prefix4Length);

    /// <summary>The rule IPv6 prefix, bits past the length cleared.</summary>
    public IPNetwork Ipv6Prefix
    {
        get
        {
            Span<byte> bytes = stackalloc byte[16];
            bytes.Clear();
            Ipv6PrefixBytes.Span.CopyTo(bytes);
            return PrefixMath.Network(new IPAddress(bytes), Prefix6Length);
        }
    }

    /// <summary>The port parameters sub-option, or null.</summary>
    public S46PortParamsOption? PortParams => OptionList.First<S46PortParamsOption>(Options);

    /// <inheritdoc/>
    public override Dhcp6OptionCode Code => Dhcp6OptionCode.S46Rule;

    /// <inheritdoc/>
    public override int ValueLength => FixedLength + Ipv6PrefixBytes.Length + OptionWriter.Measure(Options);

    private protected override void WriteValue(Span<byte> destination)
    {
        destination[0] = Flags;
        destination[1] = EaLength;
        destination[2] = Prefix4Length;
        Ipv4PrefixAddress.TryWriteBytes(destination.Slice(3, 4), out _);
        destination[7] = Prefix6Length;
        Ipv6PrefixBytes.Span.CopyTo(destination[FixedLength..]);
        OptionWriter.Write(Options, destination[(FixedLength + Ipv6PrefixBytes.Length)..]);
    }

    internal static S46RuleOption? Decode(ParseContext context, in RawOption raw, int depth, out Dhcp6ParseError? error)
    {
        if (raw.Length < FixedLength)
        {
            error = raw.TooShort("S46_RULE", FixedLength);
            return null;
        }

        ReadOnlySpan<byte> value = context.Value(raw);
        if (value[2] > 32 || value[7] > 128)
        {
            int at = value[2] > 32 ? 2 : 7;
            error = raw.ErrorAt(raw.ValueOffset + at, Dhcp6ParseErrorKind.BadValue,
                $"S46_RULE prefix{(at == 2 ? "4" : "6")}-len {value[at]} exceeds {(at == 2 ? 32 : 128)}");
            return null;
        }

        int prefixBytes = PrefixMath.ByteCount(value[7]);
        if (raw.Length < FixedLength + prefixBytes)
        {
            error = raw.Error(Dhcp6ParseErrorKind.BadLength,
                $"S46_RULE length {raw.Length} too short for a /{value[7]} IPv6 prefix ({FixedLength + prefixBytes} needed)");
            return null;
        }

        IReadOnlyList<Dhcp6Option>? options = OptionReader.ReadEncapsulated(
            context, raw, raw.ValueOffset + FixedLength + prefixBytes, depth, out error);
        return options is null ? null : new S46RuleOption(value[0], value[1], value[2], new IPAddress(value.Slice(3, 4)), value[7],
            context.Memory(raw.ValueOffset + FixedLength, prefixBytes), options);
    }
}
