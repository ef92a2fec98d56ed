using System.Buffers.Binary;

namespace Gatewayd.Dhcp6;

/// <summary>
/// A DHCP Unique Identifier (RFC 8415 section 11). DUIDs are opaque and compared for equality only (section 11.1), so any
/// 2..130 byte value is accepted; the typed accessors below merely read the well-known layouts when they fit.
/// </summary>
public sealed class Duid : IEquatable<Duid>
{
    private readonly ReadOnlyMemory<byte> _bytes;

    /// <summary>Creates a DUID from its wire bytes (type code first).</summary>
    /// <param name="bytes">2 to 130 bytes, copied.</param>
    /// <exception cref="ArgumentException">The length is outside 2..130.</exception>
    public Duid(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 2 || bytes.Length > Dhcp6Constants.MaxDuidLength)
            ThrowHelper.Argument(nameof(bytes), $"A DUID is 2 to {Dhcp6Constants.MaxDuidLength} bytes (RFC 8415 section 11.1), not {bytes.Length}.");
        _bytes = bytes.ToArray();
    }

    private Duid(ReadOnlyMemory<byte> bytes) => _bytes = bytes;

    /// <summary>The DUID's wire bytes.</summary>
    public ReadOnlyMemory<byte> Bytes => _bytes;

    /// <summary>The DUID type code (first two bytes).</summary>
    public DuidType Type => (DuidType)BinaryPrimitives.ReadUInt16BigEndian(_bytes.Span);

    /// <summary>Hardware type of a DUID-LLT or DUID-LL, else null.</summary>
    public ushort? HardwareType => Type is DuidType.LinkLayerPlusTime or DuidType.LinkLayer && _bytes.Length >= 4
        ? BinaryPrimitives.ReadUInt16BigEndian(_bytes.Span[2..])
        : null;

    /// <summary>Time field of a DUID-LLT (seconds since 2000-01-01 UTC, modulo 2^32), else null.</summary>
    public uint? Time => Type == DuidType.LinkLayerPlusTime && _bytes.Length >= 8
        ? BinaryPrimitives.ReadUInt32BigEndian(_bytes.Span[4..])
        : null;

    /// <summary>Link-layer address of a DUID-LLT or DUID-LL; empty for other types.</summary>
    public ReadOnlyMemory<byte> LinkLayerAddress => Type switch
    {
        DuidType.LinkLayerPlusTime when _bytes.Length >= 8 => _bytes[8..],
        DuidType.LinkLayer when _bytes.Length >= 4 => _bytes[4..],
        _ => ReadOnlyMemory<byte>.Empty,
    };

    /// <summary>Enterprise number of a DUID-EN, else null.</summary>
    public uint? EnterpriseNumber => Type == DuidType.EnterpriseNumber && _bytes.Length >= 6
        ? BinaryPrimitives.ReadUInt32BigEndian(_bytes.Span[2..])
        : null;

    /// <summary>Identifier of a DUID-EN; empty for other types.</summary>
    public ReadOnlyMemory<byte> EnterpriseIdentifier =>
        Type == DuidType.EnterpriseNumber && _bytes.Length >= 6 ? _bytes[6..] : ReadOnlyMemory<byte>.Empty;

    /// <summary>UUID of a DUID-UUID (RFC 6355: exactly 16 bytes after the type, network byte order), else null.</summary>
    public Guid? Uuid => Type == DuidType.Uuid && _bytes.Length == 18 ? new Guid(_bytes.Span[2..], bigEndian: true) : null;

    /// <summary>
    /// Whether this is what the NTT NGN accepts: DUID-LL, hardware type 1 (Ethernet), a 6-byte MAC. Other DUID types are
    /// reported to break IPv6 (and with it MAP-E) on the NGN.
    /// </summary>
    public bool IsEthernetLinkLayer =>
        Type == DuidType.LinkLayer && HardwareType == Dhcp6Constants.HardwareTypeEthernet && _bytes.Length == 10;

    /// <summary>Makes a DUID-LL for an Ethernet MAC: <c>00 03 00 01</c> followed by the MAC (RFC 8415 section 11.4).</summary>
    /// <param name="mac">A 6-byte Ethernet MAC address.</param>
    /// <returns>The DUID.</returns>
    /// <exception cref="ArgumentException">The MAC is not 6 bytes.</exception>
    public static Duid FromMac(ReadOnlySpan<byte> mac)
    {
        if (mac.Length != 6)
            ThrowHelper.Argument(nameof(mac), $"An Ethernet MAC is 6 bytes, not {mac.Length}.");
        var bytes = new byte[10];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, (ushort)DuidType.LinkLayer);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(2), Dhcp6Constants.HardwareTypeEthernet);
        mac.CopyTo(bytes.AsSpan(4));
        return new Duid((ReadOnlyMemory<byte>)bytes);
    }

    /// <summary>Wraps a slice of a parse buffer without copying (the buffer is owned by the parsed message).</summary>
    internal static Duid Wrap(ReadOnlyMemory<byte> bytes) => new(bytes);

    /// <inheritdoc/>
    public bool Equals(Duid? other) => other is not null && _bytes.Span.SequenceEqual(other._bytes.Span);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Duid);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.AddBytes(_bytes.Span);
        return hash.ToHashCode();
    }

    /// <summary>The DUID as colon-separated hex, the form dhclient and systemd print.</summary>
    /// <returns>For example <c>00:03:00:01:02:00:5e:10:00:01</c>.</returns>
    public override string ToString()
    {
        string hex = Convert.ToHexStringLower(_bytes.Span);
        var text = new System.Text.StringBuilder(hex.Length * 3 / 2);
        for (int i = 0; i < hex.Length; i += 2)
            (i > 0 ? text.Append(':') : text).Append(hex, i, 2);
        return text.ToString();
    }
}
