namespace Gatewayd.Dhcp6;

/// <summary>OPTION_CLIENTID (RFC 8415 section 21.2).</summary>
/// <param name="Duid">The client's DUID.</param>
public sealed record ClientIdOption(Duid Duid) : Dhcp6Option
{
    /// <inheritdoc/>
    public override Dhcp6OptionCode Code => Dhcp6OptionCode.ClientId;

    /// <inheritdoc/>
    public override int ValueLength => Duid.Bytes.Length;

    private protected override void WriteValue(Span<byte> destination) => Duid.Bytes.Span.CopyTo(destination);

    internal static ClientIdOption? Decode(ParseContext context, in RawOption raw, out Dhcp6ParseError? error) =>
        DuidReader.Read(context, raw, "CLIENTID", out error) is { } duid ? new ClientIdOption(duid) : null;
}
