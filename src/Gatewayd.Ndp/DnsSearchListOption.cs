using System.Buffers.Binary;

namespace Gatewayd.Ndp;

/// <summary>DNS Search List option (RFC 8106 section 5.2): names in uncompressed DNS wire format, zero-padded.</summary>
public sealed record DnsSearchListOption : NdpOption
{
    private readonly byte[] _wireNames;

    /// <summary>Creates the option.</summary>
    /// <param name="lifetime">Lifetime in seconds (0: stop using, 0xffffffff: infinity).</param>
    /// <param name="domainNames">One or more names in presentation format ("example.jp", escapes as in RFC 1035 section 5.1).</param>
    /// <exception cref="ArgumentException">No names, or a name is invalid.</exception>
    public DnsSearchListOption(uint lifetime, params IEnumerable<string> domainNames)
    {
        var names = new List<string>(domainNames);
        var wire = new List<byte>();
        if (names.Count == 0 || !names.TrueForAll(n => DnsNameText.TryEncode(n, wire)))
            throw new ArgumentException("DNSSL needs one or more valid domain names.", nameof(domainNames));
        Lifetime = lifetime;
        DomainNames = names.ConvertAll(n => DnsNameText.Normalize(n)).AsReadOnly();
        _wireNames = [.. wire];
    }

    private DnsSearchListOption(uint lifetime, IReadOnlyList<string> names, byte[] wireNames)
    {
        Lifetime = lifetime;
        DomainNames = names;
        _wireNames = wireNames;
    }

    /// <summary>Lifetime in seconds (0: stop using, 0xffffffff: infinity).</summary>
    public uint Lifetime { get; }

    /// <summary>The search domains in presentation format, without trailing dots.</summary>
    public IReadOnlyList<string> DomainNames { get; }

    /// <inheritdoc/>
    public override NdpOptionType Type => NdpOptionType.DnsSearchList;

    private protected override int BodyLength => 6 + _wireNames.Length;

    private protected override void WriteBody(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination[2..], Lifetime);
        _wireNames.CopyTo(destination[6..]);
    }

    internal static NdpOption Decode(in RawNdpOption raw)
    {
        if (raw.Length < 16)
            return raw.Malformed($"DNSSL length {raw.Length} is shorter than 16");
        ReadOnlySpan<byte> names = raw.Body[6..];
        int namesOffset = raw.Offset + 8;
        var list = new List<string>();
        int position = 0;
        // Names run until the body ends or a zero byte starts the padding (RFC 8106 section 5.2).
        while (position < names.Length && names[position] != 0)
        {
            string? name = DnsNameText.Read(names[position..], namesOffset + position, out int consumed, out int at, out string? problem);
            if (name is null)
                return raw.Malformed(at, problem!);
            list.Add(name);
            position += consumed;
        }

        if (list.Count == 0)
            return raw.Malformed(namesOffset, "DNSSL carries no domain name");
        if (names[position..].ContainsAnyExcept((byte)0))
            return raw.Malformed(namesOffset + position + names[position..].IndexOfAnyExcept((byte)0), "DNSSL padding is not zero");
        return new DnsSearchListOption(BinaryPrimitives.ReadUInt32BigEndian(raw.Body[2..]), list.AsReadOnly(), names[..position].ToArray());
    }
}
