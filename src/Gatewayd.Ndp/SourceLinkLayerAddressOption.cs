namespace Gatewayd.Ndp;

/// <summary>Source Link-Layer Address option (RFC 4861 section 4.6.1).</summary>
public sealed record SourceLinkLayerAddressOption : NdpOption
{
    /// <summary>Creates the option.</summary>
    /// <param name="address">The link-layer address, e.g. a 6-byte Ethernet MAC (RFC 2464 section 6), copied.</param>
    public SourceLinkLayerAddressOption(ReadOnlySpan<byte> address) => Address = address.ToArray();

    private SourceLinkLayerAddressOption(ReadOnlyMemory<byte> address) => Address = address;

    /// <summary>
    /// The address bytes. On Ethernet the option is one unit and this is exactly the MAC; for longer options the
    /// codec cannot tell address from padding without the link type, so it holds the whole body.
    /// </summary>
    public ReadOnlyMemory<byte> Address { get; }

    /// <inheritdoc/>
    public override NdpOptionType Type => NdpOptionType.SourceLinkLayerAddress;

    private protected override int BodyLength => Address.Length;

    private protected override void WriteBody(Span<byte> destination) => Address.Span.CopyTo(destination);

    internal static NdpOption Decode(in RawNdpOption raw) => new SourceLinkLayerAddressOption(raw.BodyMemory(0, raw.Length - 2));
}
