using System.Buffers.Binary;
using System.Net;

namespace Gatewayd.Ndp;

/// <summary>Route Information option (RFC 4191 section 2.3): a more-specific route via the advertising router.</summary>
public sealed record RouteInformationOption : NdpOption
{
    /// <summary>Creates the option with the shortest encoding for the prefix (RFC 4191 section 2.3).</summary>
    /// <param name="prefix">The IPv6 route prefix.</param>
    /// <param name="preference">The route preference.</param>
    /// <param name="routeLifetime">Route lifetime in seconds (0xffffffff: infinity).</param>
    public RouteInformationOption(IPNetwork prefix, RouterPreference preference, uint routeLifetime)
    {
        PrefixLength = (byte)prefix.PrefixLength;
        Flags = (byte)((byte)preference << 3);
        RouteLifetime = routeLifetime;
        Span<byte> bytes = stackalloc byte[16];
        prefix.BaseAddress.TryWriteBytes(bytes, out _);
        PrefixBytes = bytes[..(PrefixLength == 0 ? 0 : PrefixLength <= 64 ? 8 : 16)].ToArray();
    }

    private RouteInformationOption(byte prefixLength, byte flags, uint routeLifetime, ReadOnlyMemory<byte> prefixBytes)
    {
        PrefixLength = prefixLength;
        Flags = flags;
        RouteLifetime = routeLifetime;
        PrefixBytes = prefixBytes;
    }

    /// <summary>Prefix length, 0..128.</summary>
    public byte PrefixLength { get; }

    /// <summary>The raw flags byte (Prf in bits 3-4, the rest reserved).</summary>
    public byte Flags { get; }

    /// <summary>The route preference; the reserved value 10 reads as Medium, see <see cref="HasReservedPreference"/>.</summary>
    public RouterPreference Preference => RouterAdvertisement.DecodePreference((Flags >> 3) & 0x03);

    /// <summary>Whether Prf holds the reserved value 10, in which case the receiver must ignore the option (RFC 4191 section 3.1).</summary>
    public bool HasReservedPreference => ((Flags >> 3) & 0x03) == 0b10;

    /// <summary>Route lifetime in seconds (0xffffffff: infinity).</summary>
    public uint RouteLifetime { get; }

    /// <summary>The 0, 8 or 16 prefix bytes as sent.</summary>
    public ReadOnlyMemory<byte> PrefixBytes { get; }

    /// <summary>The route prefix, bits past the length cleared.</summary>
    public IPNetwork Prefix
    {
        get
        {
            Span<byte> bytes = stackalloc byte[16];
            bytes.Clear();
            PrefixBytes.Span.CopyTo(bytes);
            return Ipv6Prefix.Network(new IPAddress(bytes), PrefixLength);
        }
    }

    /// <inheritdoc/>
    public override NdpOptionType Type => NdpOptionType.RouteInformation;

    private protected override int BodyLength => 6 + PrefixBytes.Length;

    private protected override void WriteBody(Span<byte> destination)
    {
        destination[0] = PrefixLength;
        destination[1] = Flags;
        BinaryPrimitives.WriteUInt32BigEndian(destination[2..], RouteLifetime);
        PrefixBytes.Span.CopyTo(destination[6..]);
    }

    internal static NdpOption Decode(in RawNdpOption raw)
    {
        // RFC 4191 section 2.3: Length is 1, 2 or 3; > 0 prefix needs 2 or 3, > 64 needs 3. Otherwise ignore the option.
        int units = raw.Length / 8;
        ReadOnlySpan<byte> body = raw.Body;
        if (units > 3)
            return raw.Malformed($"Route Information length {raw.Length} exceeds 24");
        if (body[0] > 128 || (body[0] > 64 && units < 3) || (body[0] > 0 && units < 2))
            return raw.Malformed(raw.Offset + 2, $"prefix length {body[0]} does not fit an option of {raw.Length} bytes");
        return new RouteInformationOption(body[0], body[1], BinaryPrimitives.ReadUInt32BigEndian(body[2..]),
            raw.BodyMemory(6, raw.Length - 8));
    }
}
