namespace Gatewayd.Dhcp6;

/// <summary>OPTION_DOMAIN_LIST (RFC 3646 section 4): the DNS search list, uncompressed names back to back.</summary>
public sealed record DomainListOption : Dhcp6Option
{
    /// <summary>Creates the option.</summary>
    /// <param name="names">One or more names.</param>
    /// <exception cref="ArgumentException">No names were given.</exception>
    public DomainListOption(params IEnumerable<DnsName> names)
    {
        var list = new List<DnsName>(names);
        if (list.Count == 0)
            ThrowHelper.Argument(nameof(names), "DOMAIN_LIST needs at least one name.");
        Names = list.AsReadOnly();
    }

    private DomainListOption(IReadOnlyList<DnsName> names, bool _) => Names = names;

    /// <summary>The search domains, in wire order.</summary>
    public IReadOnlyList<DnsName> Names { get; }

    /// <inheritdoc/>
    public override Dhcp6OptionCode Code => Dhcp6OptionCode.DomainList;

    /// <inheritdoc/>
    public override int ValueLength
    {
        get
        {
            int length = 0;
            for (int i = 0; i < Names.Count; i++)
                length += Names[i].WireLength;
            return length;
        }
    }

    private protected override void WriteValue(Span<byte> destination)
    {
        int position = 0;
        for (int i = 0; i < Names.Count; i++)
        {
            Names[i].WireFormat.CopyTo(destination[position..]);
            position += Names[i].WireLength;
        }
    }

    internal static DomainListOption? Decode(ParseContext context, in RawOption raw, out Dhcp6ParseError? error)
    {
        if (raw.Length == 0)
        {
            error = raw.Error(Dhcp6ParseErrorKind.EmptyValue, "zero-length DOMAIN_LIST");
            return null;
        }

        ReadOnlySpan<byte> value = context.Value(raw);
        var names = new List<DnsName>();
        for (int position = 0; position < value.Length;)
        {
            DnsName? name = DnsName.Read(value[position..], raw.ValueOffset + position, out int consumed, out int at, out string? problem);
            if (name is null)
            {
                error = raw.ErrorAt(at, Dhcp6ParseErrorKind.BadDomainName, $"DOMAIN_LIST: {problem}");
                return null;
            }

            names.Add(name);
            position += consumed;
        }

        error = null;
        return new DomainListOption(names.AsReadOnly(), false);
    }
}
