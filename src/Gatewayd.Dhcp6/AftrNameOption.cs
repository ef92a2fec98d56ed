namespace Gatewayd.Dhcp6;

/// <summary>OPTION_AFTR_NAME (RFC 6334 section 3): the DS-Lite AFTR's FQDN, exactly one name filling the option.</summary>
/// <param name="Name">The AFTR name.</param>
public sealed record AftrNameOption(DnsName Name) : Dhcp6Option
{
    /// <inheritdoc/>
    public override Dhcp6OptionCode Code => Dhcp6OptionCode.AftrName;

    /// <inheritdoc/>
    public override int ValueLength => Name.WireLength;

    private protected override void WriteValue(Span<byte> destination) => Name.WireFormat.CopyTo(destination);

    internal static AftrNameOption? Decode(ParseContext context, in RawOption raw, out Dhcp6ParseError? error)
    {
        if (raw.Length == 0)
        {
            error = raw.Error(Dhcp6ParseErrorKind.EmptyValue, "zero-length AFTR_NAME");
            return null;
        }

        DnsName? name = DnsName.Read(context.Value(raw), raw.ValueOffset, out int consumed, out int at, out string? problem);
        if (name is null)
        {
            error = raw.ErrorAt(at, Dhcp6ParseErrorKind.BadDomainName, $"AFTR_NAME: {problem}");
            return null;
        }

        if (consumed != raw.Length)
        {
            error = raw.ErrorAt(raw.ValueOffset + consumed, Dhcp6ParseErrorKind.BadDomainName,
                $"AFTR_NAME: {raw.Length - consumed} bytes follow the name");
            return null;
        }

        error = null;
        return new AftrNameOption(name);
    }
}
