using System.Buffers.Binary;

namespace Gatewayd.Dhcp6;

/// <summary>
/// A DHCPv6 option (RFC 8415 section 21.1). The hierarchy is closed: every option the codec knows is a sealed record here,
/// anything else is an <see cref="UnknownOption"/> kept byte for byte.
/// </summary>
/// <remarks>
/// Record equality compares list- and byte-valued members by reference; to compare content, compare the wire bytes
/// (<see cref="WireEquals"/>).
/// </remarks>
public abstract record Dhcp6Option
{
    private protected Dhcp6Option()
    {
    }

    /// <summary>The option code.</summary>
    public abstract Dhcp6OptionCode Code { get; }

    /// <summary>Length of the option value on the wire (the option-len field).</summary>
    public abstract int ValueLength { get; }

    /// <summary>Length of the whole option on the wire, header included.</summary>
    public int Length => Dhcp6Constants.OptionHeaderLength + ValueLength;

    /// <summary>Writes the option (header and value) and returns the number of bytes written.</summary>
    /// <param name="destination">Where to write; must hold <see cref="Length"/> bytes.</param>
    /// <exception cref="ArgumentException">The destination is too short.</exception>
    /// <exception cref="InvalidOperationException">The value is longer than 65535 bytes.</exception>
    public int WriteTo(Span<byte> destination)
    {
        int valueLength = ValueLength;
        if (valueLength > ushort.MaxValue)
            ThrowHelper.OptionTooLong(Code, valueLength);
        int length = Dhcp6Constants.OptionHeaderLength + valueLength;
        if (destination.Length < length)
            ThrowHelper.DestinationTooShort(length, destination.Length);
        BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)Code);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)valueLength);
        WriteValue(destination.Slice(Dhcp6Constants.OptionHeaderLength, valueLength));
        return length;
    }

    /// <summary>Serializes the option to a new array.</summary>
    /// <returns>The option's wire bytes.</returns>
    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        WriteTo(bytes);
        return bytes;
    }

    /// <summary>Whether two options serialize to the same bytes: structural equality, lists and bytes included.</summary>
    /// <param name="other">The option to compare with.</param>
    /// <returns>True when the wire forms are identical.</returns>
    public bool WireEquals(Dhcp6Option? other) =>
        other is not null && ToArray().AsSpan().SequenceEqual(other.ToArray());

    /// <summary>Writes exactly <see cref="ValueLength"/> bytes of option value.</summary>
    private protected abstract void WriteValue(Span<byte> destination);
}
