using System.Buffers.Binary;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace Gatewayd.Ndp;

/// <summary>
/// A Router Advertisement (RFC 4861 section 4.2) as a raw ICMPv6 socket delivers it, starting at the type byte.
/// The checksum is the kernel's job on such sockets, so it is kept but not verified.
/// </summary>
public sealed partial class RouterAdvertisement
{
    /// <summary>Most options accepted; a 1500-byte RA holds at most 185.</summary>
    public const int MaxOptions = 1024;

    /// <summary>The M flag (RFC 4861 section 4.2).</summary>
    public const byte ManagedFlag = 0x80;

    /// <summary>The O flag (RFC 4861 section 4.2).</summary>
    public const byte OtherConfigurationFlag = 0x40;

    /// <summary>Creates an RA.</summary>
    /// <param name="curHopLimit">Hop limit hosts should use, 0 = unspecified.</param>
    /// <param name="managed">The M flag: addresses via DHCPv6.</param>
    /// <param name="otherConfiguration">The O flag: other configuration via DHCPv6.</param>
    /// <param name="preference">Default router preference (RFC 4191).</param>
    /// <param name="routerLifetime">Router lifetime in seconds; 0 = not a default router.</param>
    /// <param name="reachableTime">Reachable time in milliseconds, 0 = unspecified.</param>
    /// <param name="retransTimer">Retransmission timer in milliseconds, 0 = unspecified.</param>
    /// <param name="options">Options in wire order, copied.</param>
    public RouterAdvertisement(byte curHopLimit, bool managed, bool otherConfiguration, RouterPreference preference,
        ushort routerLifetime, uint reachableTime, uint retransTimer, params IEnumerable<NdpOption> options)
        : this(curHopLimit, (byte)((managed ? ManagedFlag : 0) | (otherConfiguration ? OtherConfigurationFlag : 0) | ((byte)preference << 3)),
            routerLifetime, reachableTime, retransTimer, 0, NdpOptionList.Freeze(options))
    {
    }

    private RouterAdvertisement(byte curHopLimit, byte flags, ushort routerLifetime, uint reachableTime, uint retransTimer, ushort checksum, IReadOnlyList<NdpOption> options)
    {
        CurHopLimit = curHopLimit;
        Flags = flags;
        RouterLifetimeSeconds = routerLifetime;
        ReachableTimeMilliseconds = reachableTime;
        RetransTimerMilliseconds = retransTimer;
        Checksum = checksum;
        Options = options;
    }

    /// <summary>Hop limit hosts should use, 0 = unspecified.</summary>
    public byte CurHopLimit { get; }

    /// <summary>The raw flags byte: M, O, H (RFC 6275), Prf (RFC 4191), P (RFC 4389) and reserved bits, kept as sent.</summary>
    public byte Flags { get; }

    /// <summary>The M flag: addresses are available via DHCPv6 (RFC 4861 section 4.2).</summary>
    public bool Managed => (Flags & ManagedFlag) != 0;

    /// <summary>The O flag: other configuration is available via DHCPv6 (RFC 4861 section 4.2).</summary>
    public bool OtherConfiguration => (Flags & OtherConfigurationFlag) != 0;

    /// <summary>
    /// Default router preference (RFC 4191 section 2.2): the reserved value 10 reads as Medium, and the value is
    /// ignored (Medium) when the router lifetime is 0.
    /// </summary>
    public RouterPreference Preference => RouterLifetimeSeconds == 0 ? RouterPreference.Medium : DecodePreference((Flags >> 3) & 0x03);

    /// <summary>Router lifetime in seconds; 0 means the sender is not a default router.</summary>
    public ushort RouterLifetimeSeconds { get; }

    /// <summary>Reachable time in milliseconds, 0 = unspecified.</summary>
    public uint ReachableTimeMilliseconds { get; }

    /// <summary>Retransmission timer in milliseconds, 0 = unspecified.</summary>
    public uint RetransTimerMilliseconds { get; }

    /// <summary>The checksum as received (written back unchanged; the kernel fills it in on send).</summary>
    public ushort Checksum { get; }

    /// <summary>Options in wire order, unknown and malformed ones included.</summary>
    public IReadOnlyList<NdpOption> Options { get; }

    /// <summary>Length of the message on the wire.</summary>
    public int Length => NdpConstants.RouterAdvertisementHeaderLength + NdpOptionList.Measure(Options);

    /// <summary>Parses an RA. Never throws; a malformed known option is kept as <see cref="MalformedNdpOption"/>.</summary>
    /// <param name="data">ICMPv6 message from the type byte on.</param>
    /// <param name="advertisement">The RA, when the packet is acceptable.</param>
    /// <param name="error">Why the packet must be discarded, otherwise null.</param>
    /// <returns>True when the packet is a well-formed RA.</returns>
    public static bool TryParse(ReadOnlySpan<byte> data, [NotNullWhen(true)] out RouterAdvertisement? advertisement, [NotNullWhen(false)] out NdpParseError? error)
    {
        advertisement = null;
        if (!NdpHeader.Check(data, NdpMessageType.RouterAdvertisement, NdpConstants.RouterAdvertisementHeaderLength, out error))
            return false;
        byte[] buffer = data.ToArray();
        IReadOnlyList<NdpOption>? options = NdpOptionReader.Read(buffer, NdpConstants.RouterAdvertisementHeaderLength, MaxOptions, out error);
        if (options is null)
        {
            Debug.Assert(error is not null, "the reader reports why it failed");
            return false;
        }

        advertisement = new RouterAdvertisement(data[4], data[5], BinaryPrimitives.ReadUInt16BigEndian(data[6..]),
            BinaryPrimitives.ReadUInt32BigEndian(data[8..]), BinaryPrimitives.ReadUInt32BigEndian(data[12..]),
            BinaryPrimitives.ReadUInt16BigEndian(data[2..]), options);
        return true;
    }

    /// <summary>Writes the RA and returns the number of bytes written.</summary>
    /// <param name="destination">Where to write; must hold <see cref="Length"/> bytes.</param>
    /// <returns>Bytes written.</returns>
    /// <exception cref="ArgumentException">The destination is too short.</exception>
    public int WriteTo(Span<byte> destination)
    {
        int length = Length;
        if (destination.Length < length)
            throw new ArgumentException($"Destination holds {destination.Length} bytes; {length} are needed.", nameof(destination));
        destination[0] = (byte)NdpMessageType.RouterAdvertisement;
        destination[1] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], Checksum);
        destination[4] = CurHopLimit;
        destination[5] = Flags;
        BinaryPrimitives.WriteUInt16BigEndian(destination[6..], RouterLifetimeSeconds);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], ReachableTimeMilliseconds);
        BinaryPrimitives.WriteUInt32BigEndian(destination[12..], RetransTimerMilliseconds);
        return NdpConstants.RouterAdvertisementHeaderLength + NdpOptionList.Write(Options, destination[NdpConstants.RouterAdvertisementHeaderLength..]);
    }

    /// <summary>Serializes the RA to a new array.</summary>
    /// <returns>The wire bytes.</returns>
    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        WriteTo(bytes);
        return bytes;
    }

    /// <summary>Structural equality: whether both RAs serialize to the same bytes.</summary>
    /// <param name="other">The RA to compare with.</param>
    /// <returns>True when the wire forms are identical.</returns>
    public bool WireEquals(RouterAdvertisement? other) => other is not null && ToArray().AsSpan().SequenceEqual(other.ToArray());

    internal static RouterPreference DecodePreference(int bits) => bits switch
    {
        0b01 => RouterPreference.High,
        0b11 => RouterPreference.Low,
        _ => RouterPreference.Medium, // 00, and reserved 10 (RFC 4191 section 2.2)
    };
}
