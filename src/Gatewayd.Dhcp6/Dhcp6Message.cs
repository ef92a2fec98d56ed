using System.Buffers.Binary;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace Gatewayd.Dhcp6;

/// <summary>
/// A client/server DHCPv6 message (RFC 8415 section 8): msg-type, 24-bit transaction-id, options in wire order.
/// Parsing and writing are pure functions over bytes.
/// </summary>
public sealed partial class Dhcp6Message
{
    /// <summary>Most options (all nesting levels together) a message may carry before it is rejected.</summary>
    /// <remarks>A 1500-byte packet holds at most 374 empty options; the cap bounds the work a 64 KiB datagram can cause.</remarks>
    public const int MaxOptions = 4096;

    /// <summary>Deepest encapsulation accepted (IA_PD → IAPREFIX → its sub-options is 2; S46 containers reach 2 too).</summary>
    public const int MaxNestingDepth = 8;

    /// <summary>Largest transaction id (24 bits, RFC 8415 section 8).</summary>
    public const uint MaxTransactionId = 0xFFFFFF;

    /// <summary>Creates a message.</summary>
    /// <param name="type">The message type.</param>
    /// <param name="transactionId">The transaction id, 0..0xFFFFFF.</param>
    /// <param name="options">Options in the order to send them, copied.</param>
    /// <exception cref="ArgumentOutOfRangeException">The transaction id does not fit in 24 bits.</exception>
    public Dhcp6Message(Dhcp6MessageType type, uint transactionId, params IEnumerable<Dhcp6Option> options)
        : this(type, transactionId, OptionWriter.Freeze(options))
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(transactionId, MaxTransactionId);
    }

    private Dhcp6Message(Dhcp6MessageType type, uint transactionId, IReadOnlyList<Dhcp6Option> options)
    {
        Type = type;
        TransactionId = transactionId;
        Options = options;
    }

    /// <summary>The message type.</summary>
    public Dhcp6MessageType Type { get; }

    /// <summary>The 24-bit transaction id.</summary>
    public uint TransactionId { get; }

    /// <summary>Top-level options in wire order, unknown ones included.</summary>
    public IReadOnlyList<Dhcp6Option> Options { get; }

    /// <summary>Length of the message on the wire.</summary>
    public int Length => Dhcp6Constants.HeaderLength + OptionWriter.Measure(Options);

    /// <summary>
    /// Parses a message. Never throws: anything malformed yields false and an error naming the byte offset.
    /// Relay messages (12, 13) and unknown types are rejected, since a client only ever receives client/server messages.
    /// </summary>
    /// <param name="data">The UDP payload.</param>
    /// <param name="message">The message, when parsing succeeds.</param>
    /// <param name="error">Why parsing failed, otherwise null.</param>
    /// <returns>True when <paramref name="data"/> is a well-formed message.</returns>
    public static bool TryParse(ReadOnlySpan<byte> data, [NotNullWhen(true)] out Dhcp6Message? message, [NotNullWhen(false)] out Dhcp6ParseError? error)
    {
        message = null;
        if (data.Length < Dhcp6Constants.HeaderLength)
        {
            error = new Dhcp6ParseError(data.Length, null, Dhcp6ParseErrorKind.Truncated,
                $"message of {data.Length} bytes is shorter than the 4-byte header");
            return false;
        }

        byte type = data[0];
        if (type is 0 or > (byte)Dhcp6MessageType.InformationRequest)
        {
            string reason = type is (byte)Dhcp6MessageType.RelayForward or (byte)Dhcp6MessageType.RelayReply
                ? $"relay message type {type} is not supported by a client"
                : $"unknown message type {type}";
            error = new Dhcp6ParseError(0, null, Dhcp6ParseErrorKind.UnsupportedMessageType, reason);
            return false;
        }

        var context = new ParseContext(data.ToArray());
        IReadOnlyList<Dhcp6Option>? options = OptionReader.Read(context, Dhcp6Constants.HeaderLength, data.Length, 0, out error);
        if (options is null)
        {
            Debug.Assert(error is not null, "OptionReader reports why it failed");
            return false;
        }

        uint transactionId = BinaryPrimitives.ReadUInt32BigEndian(data) & MaxTransactionId;
        message = new Dhcp6Message((Dhcp6MessageType)type, transactionId, options);
        return true;
    }

    /// <summary>Writes the message and returns the number of bytes written.</summary>
    /// <param name="destination">Where to write; must hold <see cref="Length"/> bytes.</param>
    /// <returns>Bytes written.</returns>
    /// <exception cref="ArgumentException">The destination is too short.</exception>
    public int WriteTo(Span<byte> destination)
    {
        int length = Length;
        if (destination.Length < length)
            ThrowHelper.DestinationTooShort(length, destination.Length);
        BinaryPrimitives.WriteUInt32BigEndian(destination, ((uint)Type << 24) | TransactionId);
        return Dhcp6Constants.HeaderLength + OptionWriter.Write(Options, destination[Dhcp6Constants.HeaderLength..]);
    }

    /// <summary>Serializes the message to a new array.</summary>
    /// <returns>The wire bytes.</returns>
    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        WriteTo(bytes);
        return bytes;
    }

    /// <summary>Structural equality: whether both messages serialize to the same bytes.</summary>
    /// <param name="other">The message to compare with.</param>
    /// <returns>True when the wire forms are identical.</returns>
    public bool WireEquals(Dhcp6Message? other) => other is not null && ToArray().AsSpan().SequenceEqual(other.ToArray());

    /// <summary>A one-line summary for logs.</summary>
    /// <returns>For example <c>Reply xid=0x1a2b3c options=[2,1,25,23]</c>.</returns>
    public override string ToString()
    {
        var codes = new string[Options.Count];
        for (int i = 0; i < codes.Length; i++)
            codes[i] = ((ushort)Options[i].Code).ToString();
        return $"{Type} xid=0x{TransactionId:x6} options=[{string.Join(',', codes)}]";
    }
}
