using System.Buffers.Binary;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace Gatewayd.Ndp;

/// <summary>A Router Solicitation (RFC 4861 section 4.1), starting at the ICMPv6 type byte.</summary>
public sealed class RouterSolicitation
{
    /// <summary>Creates an RS.</summary>
    /// <param name="options">Options, typically one Source Link-Layer Address (omitted when the source is ::).</param>
    public RouterSolicitation(params IEnumerable<NdpOption> options)
        : this(0, NdpOptionList.Freeze(options))
    {
    }

    private RouterSolicitation(ushort checksum, IReadOnlyList<NdpOption> options)
    {
        Checksum = checksum;
        Options = options;
    }

    /// <summary>The checksum as received (the kernel fills it in on send).</summary>
    public ushort Checksum { get; }

    /// <summary>Options in wire order.</summary>
    public IReadOnlyList<NdpOption> Options { get; }

    /// <summary>The sender's link-layer address, or null.</summary>
    public ReadOnlyMemory<byte>? SourceLinkLayerAddress => NdpOptionList.First<SourceLinkLayerAddressOption>(Options)?.Address;

    /// <summary>Length of the message on the wire.</summary>
    public int Length => NdpConstants.RouterSolicitationHeaderLength + NdpOptionList.Measure(Options);

    /// <summary>Makes the RS a host sends from a link-local source: one Source Link-Layer Address option.</summary>
    /// <param name="mac">The sender's MAC.</param>
    /// <returns>The RS.</returns>
    public static RouterSolicitation FromMac(ReadOnlySpan<byte> mac) => new(new SourceLinkLayerAddressOption(mac));

    /// <summary>Parses an RS. Never throws.</summary>
    /// <param name="data">ICMPv6 message from the type byte on.</param>
    /// <param name="solicitation">The RS, when well-formed.</param>
    /// <param name="error">Why the packet must be discarded, otherwise null.</param>
    /// <returns>True when the packet is a well-formed RS.</returns>
    public static bool TryParse(ReadOnlySpan<byte> data, [NotNullWhen(true)] out RouterSolicitation? solicitation, [NotNullWhen(false)] out NdpParseError? error)
    {
        solicitation = null;
        if (!NdpHeader.Check(data, NdpMessageType.RouterSolicitation, NdpConstants.RouterSolicitationHeaderLength, out error))
            return false;
        IReadOnlyList<NdpOption>? options = NdpOptionReader.Read(data.ToArray(), NdpConstants.RouterSolicitationHeaderLength, RouterAdvertisement.MaxOptions, out error);
        if (options is null)
        {
            Debug.Assert(error is not null, "the reader reports why it failed");
            return false;
        }

        solicitation = new RouterSolicitation(BinaryPrimitives.ReadUInt16BigEndian(data[2..]), options);
        return true;
    }

    /// <summary>Writes the RS (reserved field zero) and returns the number of bytes written.</summary>
    /// <param name="destination">Where to write; must hold <see cref="Length"/> bytes.</param>
    /// <returns>Bytes written.</returns>
    /// <exception cref="ArgumentException">The destination is too short.</exception>
    public int WriteTo(Span<byte> destination)
    {
        int length = Length;
        if (destination.Length < length)
            throw new ArgumentException($"Destination holds {destination.Length} bytes; {length} are needed.", nameof(destination));
        destination[..NdpConstants.RouterSolicitationHeaderLength].Clear();
        destination[0] = (byte)NdpMessageType.RouterSolicitation;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], Checksum);
        return NdpConstants.RouterSolicitationHeaderLength + NdpOptionList.Write(Options, destination[NdpConstants.RouterSolicitationHeaderLength..]);
    }

    /// <summary>Serializes the RS to a new array.</summary>
    /// <returns>The wire bytes.</returns>
    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        WriteTo(bytes);
        return bytes;
    }
}
