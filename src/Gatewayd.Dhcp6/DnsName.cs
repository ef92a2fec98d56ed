namespace Gatewayd.Dhcp6;

/// <summary>
/// A fully qualified domain name in uncompressed RFC 1035 section 3.1 wire format, as DHCPv6 carries names
/// (RFC 8415 section 10: compression is not allowed). Kept as wire bytes so any label round-trips exactly.
/// </summary>
/// <remarks>Equality is byte-exact (case-sensitive), which is what a byte-identical round trip needs.</remarks>
public sealed partial class DnsName : IEquatable<DnsName>
{
    /// <summary>Longest name on the wire, root label included (RFC 1035 section 2.3.4).</summary>
    public const int MaxLength = 255;

    /// <summary>Longest label (RFC 1035 section 2.3.4).</summary>
    public const int MaxLabelLength = 63;

    private readonly byte[] _wire;

    private DnsName(byte[] wire) => _wire = wire;

    /// <summary>The name in wire format, ending with the zero-length root label.</summary>
    public ReadOnlySpan<byte> WireFormat => _wire;

    /// <summary>Length of <see cref="WireFormat"/>.</summary>
    public int WireLength => _wire.Length;

    /// <summary>
    /// Reads one name from the start of <paramref name="source"/>. <paramref name="baseOffset"/> is the absolute offset of
    /// <paramref name="source"/> in the message, so that a problem is reported where it is.
    /// </summary>
    internal static DnsName? Read(ReadOnlySpan<byte> source, int baseOffset, out int consumed, out int problemOffset, out string? problem)
    {
        int position = 0;
        consumed = 0;
        while (true)
        {
            problemOffset = baseOffset + position;
            if (position >= source.Length)
            {
                problem = $"name starting at offset {baseOffset} runs past the end without a root label";
                return null;
            }

            byte length = source[position];
            if (length == 0)
                break;
            if ((length & 0xC0) == 0xC0)
            {
                problem = $"compression pointer 0x{length:x2} at offset {problemOffset} (RFC 8415 section 10 forbids compression)";
                return null;
            }

            if (length > MaxLabelLength)
            {
                problem = $"label length {length} at offset {problemOffset} exceeds {MaxLabelLength}";
                return null;
            }

            if (position + 1 + length > source.Length)
            {
                problem = $"label of {length} bytes at offset {problemOffset} runs past the end";
                return null;
            }

            position += 1 + length;
            if (position + 1 > MaxLength)
            {
                problemOffset = baseOffset;
                problem = $"name starting at offset {baseOffset} is longer than {MaxLength} bytes";
                return null;
            }
        }

        consumed = position + 1;
        problem = null;
        return new DnsName(source[..consumed].ToArray());
    }

    /// <inheritdoc/>
    public bool Equals(DnsName? other) => other is not null && _wire.AsSpan().SequenceEqual(other._wire);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as DnsName);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.AddBytes(_wire);
        return hash.ToHashCode();
    }
}
