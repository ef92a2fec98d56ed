using System.Buffers.Binary;

namespace Gatewayd.Ndp;

/// <summary>MTU option (RFC 4861 section 4.6.4).</summary>
/// <param name="Mtu">The recommended link MTU.</param>
public sealed record MtuOption(uint Mtu) : NdpOption
{
    /// <inheritdoc/>
    public override NdpOptionType Type => NdpOptionType.Mtu;

    private protected override int BodyLength => 6;

    private protected override void WriteBody(Span<byte> destination) => BinaryPrimitives.WriteUInt32BigEndian(destination[2..], Mtu);

    internal static NdpOption Decode(in RawNdpOption raw) => raw.Length == 8
        ? new MtuOption(BinaryPrimitives.ReadUInt32BigEndian(raw.Body[2..]))
        : raw.Malformed($"MTU option length {raw.Length}, must be 8");
}
