using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Gatewayd.Ndp;

/// <summary>Prefix Information option (RFC 4861 section 4.6.2).</summary>
public sealed record PrefixInformationOption : NdpOption
{
    /// <summary>The L flag: the prefix is on-link.</summary>
    public const byte OnLinkFlag = 0x80;

    /// <summary>The A flag: the prefix may be used for SLAAC (RFC 4862).</summary>
    public const byte AutonomousFlag = 0x40;

    /// <summary>Creates the option.</summary>
    /// <param name="prefix">An IPv6 prefix.</param>
    /// <param name="onLink">The L flag.</param>
    /// <param name="autonomous">The A flag.</param>
    /// <param name="validLifetime">Valid lifetime in seconds (0xffffffff: infinity).</param>
    /// <param name="preferredLifetime">Preferred lifetime in seconds (0xffffffff: infinity).</param>
    /// <exception cref="ArgumentException">The prefix is not IPv6.</exception>
    public PrefixInformationOption(IPNetwork prefix, bool onLink, bool autonomous, uint validLifetime, uint preferredLifetime)
        : this((byte)prefix.PrefixLength, (byte)((onLink ? OnLinkFlag : 0) | (autonomous ? AutonomousFlag : 0)), validLifetime, preferredLifetime, prefix.BaseAddress)
    {
        if (prefix.BaseAddress.AddressFamily != AddressFamily.InterNetworkV6)
            throw new ArgumentException($"{prefix} is not an IPv6 prefix.", nameof(prefix));
    }

    private PrefixInformationOption(byte prefixLength, byte flags, uint validLifetime, uint preferredLifetime, IPAddress address)
    {
        PrefixLength = prefixLength;
        Flags = flags;
        ValidLifetime = validLifetime;
        PreferredLifetime = preferredLifetime;
        Address = address;
    }

    /// <summary>Prefix length, 0..128.</summary>
    public byte PrefixLength { get; }

    /// <summary>The raw flags byte: L, A and bits later RFCs define (R: RFC 6275, P: RFC 9762), kept as sent.</summary>
    public byte Flags { get; }

    /// <summary>The L flag.</summary>
    public bool OnLink => (Flags & OnLinkFlag) != 0;

    /// <summary>The A flag.</summary>
    public bool Autonomous => (Flags & AutonomousFlag) != 0;

    /// <summary>Valid lifetime in seconds (0xffffffff: infinity).</summary>
    public uint ValidLifetime { get; }

    /// <summary>Preferred lifetime in seconds (0xffffffff: infinity).</summary>
    public uint PreferredLifetime { get; }

    /// <summary>The 16 prefix bytes as sent; bits past the length are reserved and ignored, but kept.</summary>
    public IPAddress Address { get; }

    /// <summary>The prefix with bits past <see cref="PrefixLength"/> cleared.</summary>
    public IPNetwork Prefix => Ipv6Prefix.Network(Address, PrefixLength);

    /// <inheritdoc/>
    public override NdpOptionType Type => NdpOptionType.PrefixInformation;

    private protected override int BodyLength => 30;

    private protected override void WriteBody(Span<byte> destination)
    {
        destination[0] = PrefixLength;
        destination[1] = Flags;
        BinaryPrimitives.WriteUInt32BigEndian(destination[2..], ValidLifetime);
        BinaryPrimitives.WriteUInt32BigEndian(destination[6..], PreferredLifetime);
        Address.TryWriteBytes(destination.Slice(14, 16), out _); // after Reserved2 (4 bytes)
    }

    internal static NdpOption Decode(in RawNdpOption raw)
    {
        if (raw.Length != 32)
            return raw.Malformed($"Prefix Information length {raw.Length}, must be 32");
        ReadOnlySpan<byte> body = raw.Body;
        if (body[0] > 128)
            return raw.Malformed(raw.Offset + 2, $"prefix length {body[0]} exceeds 128");
        return new PrefixInformationOption(body[0], body[1], BinaryPrimitives.ReadUInt32BigEndian(body[2..]),
            BinaryPrimitives.ReadUInt32BigEndian(body[6..]), new IPAddress(body.Slice(14, 16)));
    }
}

/// <summary>Prefix masking shared by PIO and RIO.</summary>
internal static class Ipv6Prefix
{
    /// <summary>Builds a network from possibly unmasked bytes: <see cref="IPNetwork"/> rejects set host bits.</summary>
    internal static IPNetwork Network(IPAddress address, int prefixLength)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        for (int i = 0; i < 16; i++)
            bytes[i] &= (byte)(0xff00 >> Math.Clamp(prefixLength - (i * 8), 0, 8));
        return new IPNetwork(new IPAddress(bytes), prefixLength);
    }
}
