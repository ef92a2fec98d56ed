namespace Gatewayd.Dhcp6;

/// <summary>OPTION_SERVERID (RFC 8415 section 21.3).</summary>
/// <param name="Duid">The server's DUID.</param>
public sealed record ServerIdOption(Duid Duid) : Dhcp6Option
{
    /// <inheritdoc/>
    public override Dhcp6OptionCode Code => Dhcp6OptionCode.ServerId;

    /// <inheritdoc/>
    public override int ValueLength => Duid.Bytes.Length;

    private protected override void WriteValue(Span<byte> destination) => Duid.Bytes.Span.CopyTo(destination);

    internal static ServerIdOption? Decode(ParseContext context, in RawOption raw, out Dhcp6ParseError? error) =>
        DuidReader.Read(context, raw, "SERVERID", out error) is { } duid ? new ServerIdOption(duid) : null;
}

/// <summary>Reads the DUID that fills a CLIENTID or SERVERID value.</summary>
internal static class DuidReader
{
    internal static Duid? Read(ParseContext context, in RawOption raw, string name, out Dhcp6ParseError? error)
    {
        if (raw.Length < 2)
        {
            error = raw.TooShort(name, 2);
            return null;
        }

        if (raw.Length > Dhcp6Constants.MaxDuidLength)
        {
            error = raw.Error(Dhcp6ParseErrorKind.BadLength,
                $"{name} DUID length {raw.Length} exceeds {Dhcp6Constants.MaxDuidLength} (RFC 8415 section 11.1)");
            return null;
        }

        error = null;
        return Duid.Wrap(context.Memory(raw.ValueOffset, raw.Length));
    }
}
