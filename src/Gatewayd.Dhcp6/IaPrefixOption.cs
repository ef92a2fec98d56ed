using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Gatewayd.Dhcp6;

/// <summary>OPTION_IAPREFIX (RFC 8415 section 21.22): one delegated prefix inside an IA_PD.</summary>
public sealed record IaPrefixOption : Dhcp6Option
{
    /// <summary>Length of the lifetimes, prefix length and prefix (RFC 8415 section 21.22).</summary>
    public const int FixedLength = 25;

    /// <summary>Creates the option.</summary>
    /// <param name="preferredLifetime">Preferred lifetime in seconds (0xffffffff: infinity).</param>
    /// <param name="validLifetime">Valid lifetime in seconds (0xffffffff: infinity).</param>
    /// <param name="prefixLength">Prefix length, 0..128.</param>
    /// <param name="address">The 16 prefix bytes as sent; bits beyond the length are kept, not masked.</param>
    /// <param name="options">Encapsulated options (STATUS_CODE, PD_EXCLUDE, ...), copied.</param>
    /// <exception cref="ArgumentException">The address is not IPv6 or the length exceeds 128.</exception>
    public IaPrefixOption(uint preferredLifetime, uint validLifetime, byte prefixLength, IPAddress address, params IEnumerable<Dhcp6Option> options)
        : this(preferredLifetime, validLifetime, prefixLength, address, OptionWriter.Freeze(options))
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            ThrowHelper.Argument(nameof(address), $"{address} is not an IPv6 address.");
        if (prefixLength > 128)
            ThrowHelper.Argument(nameof(prefixLength), $"Prefix length {prefixLength} exceeds 128.");
    }

    /// <summary>Creates the option from a network.</summary>
    /// <param name="preferredLifetime">Preferred lifetime in seconds.</param>
    /// <param name="validLifetime">Valid lifetime in seconds.</param>
    /// <param name="prefix">An IPv6 prefix.</param>
    /// <param name="options">Encapsulated options, copied.</param>
    public IaPrefixOption(uint preferredLifetime, uint validLifetime, IPNetwork prefix, params IEnumerable<Dhcp6Option> options)
        : this(preferredLifetime, validLifetime, (byte)prefix.PrefixLength, prefix.BaseAddress, options)
    {
    }

    private IaPrefixOption(uint preferredLifetime, uint validLifetime, byte prefixLength, IPAddress address, IReadOnlyList<Dhcp6Option> options)
    {
        PreferredLifetime = preferredLifetime;
        ValidLifetime = validLifetime;
        PrefixLength = prefixLength;
        Address = address;
        Options = options;
    }

    /// <summary>Preferred lifetime in seconds (0xffffffff: infinity).</summary>
    public uint PreferredLifetime { get; }

    /// <summary>Valid lifetime in seconds (0xffffffff: infinity); 0 withdraws the prefix.</summary>
    public uint ValidLifetime { get; }

    /// <summary>Prefix length, 0..128.</summary>
    public byte PrefixLength { get; }

    /// <summary>The 16 prefix bytes exactly as sent (host bits not masked, so the option round-trips byte for byte).</summary>
    public IPAddress Address { get; }

    /// <summary>Encapsulated options.</summary>
    public IReadOnlyList<Dhcp6Option> Options { get; }

    /// <summary>The prefix with bits beyond <see cref="PrefixLength"/> cleared.</summary>
    public IPNetwork Prefix => PrefixMath.Network(Address, PrefixLength);

    /// <summary>The prefix-level status, or null when absent (which means Success).</summary>
    public StatusCodeOption? Status => OptionList.First<StatusCodeOption>(Options);

    /// <inheritdoc/>
    public override Dhcp6OptionCode Code => Dhcp6OptionCode.IaPrefix;

    /// <inheritdoc/>
    public override int ValueLength => FixedLength + OptionWriter.Measure(Options);

    private protected override void WriteValue(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination, PreferredLifetime);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ValidLifetime);
        destination[8] = PrefixLength;
        Address.TryWriteBytes(destination.Slice(9, 16), out _);
        OptionWriter.Write(Options, destination[FixedLength..]);
    }

    internal static IaPrefixOption? Decode(ParseContext context, in RawOption raw, int depth, out Dhcp6ParseError? error)
    {
        if (raw.Length < FixedLength)
        {
            error = raw.TooShort("IAPREFIX", FixedLength);
            return null;
        }

        ReadOnlySpan<byte> value = context.Value(raw);
        if (value[8] > 128)
        {
            error = raw.ErrorAt(raw.ValueOffset + 8, Dhcp6ParseErrorKind.BadValue, $"IAPREFIX prefix length {value[8]} exceeds 128");
            return null;
        }

        IReadOnlyList<Dhcp6Option>? options = OptionReader.ReadEncapsulated(context, raw, raw.ValueOffset + FixedLength, depth, out error);
        return options is null ? null : new IaPrefixOption(
            BinaryPrimitives.ReadUInt32BigEndian(value),
            BinaryPrimitives.ReadUInt32BigEndian(value[4..]),
            value[8],
            new IPAddress(value.Slice(9, 16)),
            options);
    }
}
