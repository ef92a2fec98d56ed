using System.Net;
using System.Text;
using Gatewayd.Netlink.Uapi;

namespace Gatewayd.Netlink;

/// <summary>Builds one netlink message: header, fixed family header, then attributes (each padded to 4 bytes), with nesting.</summary>
public sealed class NetlinkWriter
{
    private byte[] _buffer = new byte[256];
    private int _length;

    /// <summary>Starts a message; the length is filled in by <see cref="ToArray"/>.</summary>
    /// <param name="type">The message type (<c>RTM_*</c>).</param>
    /// <param name="flags">The message flags.</param>
    /// <param name="sequence">The sequence number (a connection overwrites it when sending).</param>
    public NetlinkWriter(ushort type, NetlinkMessageFlags flags, uint sequence = 0)
    {
        Type = type;
        Flags = flags;
        Sequence = sequence;
        _length = NetlinkHeader.Size;
    }

    /// <summary>The message type.</summary>
    public ushort Type { get; }

    /// <summary>The message flags.</summary>
    public NetlinkMessageFlags Flags { get; }

    /// <summary>The sequence number.</summary>
    public uint Sequence { get; }

    /// <summary>Bytes written so far, header included.</summary>
    public int Length => _length;

    /// <summary>Appends <paramref name="length"/> zeroed bytes (padded to 4) for a fixed structure and returns them to fill.</summary>
    /// <param name="length">The structure size.</param>
    /// <returns>The space to fill.</returns>
    public Span<byte> Reserve(int length)
    {
        var start = _length;
        Grow(HostOrder.Align(length));
        return _buffer.AsSpan(start, length);
    }

    /// <summary>Appends an attribute with a raw payload.</summary>
    /// <param name="type">The attribute type.</param>
    /// <param name="value">The payload.</param>
    public void WriteBytes(ushort type, ReadOnlySpan<byte> value)
    {
        var span = Reserve(NetlinkConstants.AttributeHeaderLength + value.Length);
        HostOrder.Write(span, (ushort)(NetlinkConstants.AttributeHeaderLength + value.Length));
        HostOrder.Write(span[2..], type);
        value.CopyTo(span[NetlinkConstants.AttributeHeaderLength..]);
    }

    /// <summary>Appends a u8 attribute.</summary>
    /// <param name="type">The attribute type.</param>
    /// <param name="value">The value.</param>
    public void WriteU8(ushort type, byte value) => WriteBytes(type, [value]);

    /// <summary>Appends a host-order u16 attribute.</summary>
    /// <param name="type">The attribute type.</param>
    /// <param name="value">The value.</param>
    public void WriteU16(ushort type, ushort value)
    {
        Span<byte> b = stackalloc byte[2];
        HostOrder.Write(b, value);
        WriteBytes(type, b);
    }

    /// <summary>Appends a host-order u32 attribute.</summary>
    /// <param name="type">The attribute type.</param>
    /// <param name="value">The value.</param>
    public void WriteU32(ushort type, uint value)
    {
        Span<byte> b = stackalloc byte[4];
        HostOrder.Write(b, value);
        WriteBytes(type, b);
    }

    /// <summary>Appends a UTF-8 string attribute.</summary>
    /// <param name="type">The attribute type.</param>
    /// <param name="value">The string.</param>
    /// <param name="nulTerminated">Append a NUL (<c>NLA_NUL_STRING</c> needs it; <c>NLA_STRING</c> takes either).</param>
    public void WriteString(ushort type, string value, bool nulTerminated = true)
    {
        ArgumentNullException.ThrowIfNull(value);
        var bytes = new byte[Encoding.UTF8.GetByteCount(value) + (nulTerminated ? 1 : 0)];
        Encoding.UTF8.GetBytes(value, bytes);
        WriteBytes(type, bytes);
    }

    /// <summary>Appends an address attribute (4 or 16 bytes, network order).</summary>
    /// <param name="type">The attribute type.</param>
    /// <param name="value">The address.</param>
    public void WriteAddress(ushort type, IPAddress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Span<byte> b = stackalloc byte[16];
        value.TryWriteBytes(b, out var written);
        WriteBytes(type, b[..written]);
    }

    /// <summary>Opens a nested attribute; close it with <see cref="EndNested"/>.</summary>
    /// <param name="type">The attribute type.</param>
    /// <param name="setNestedFlag">Set <c>NLA_F_NESTED</c> (iproute2 leaves it clear for IFLA_LINKINFO and its data).</param>
    /// <returns>A token for <see cref="EndNested"/>.</returns>
    public int BeginNested(ushort type, bool setNestedFlag = false)
    {
        var start = _length;
        var span = Reserve(NetlinkConstants.AttributeHeaderLength);
        HostOrder.Write(span[2..], (ushort)(type | (setNestedFlag ? NetlinkConstants.NlaFNested : 0)));
        return start;
    }

    /// <summary>Closes a nested attribute, fixing its length.</summary>
    /// <param name="token">What <see cref="BeginNested"/> returned.</param>
    public void EndNested(int token) => HostOrder.Write(_buffer.AsSpan(token), checked((ushort)(_length - token)));

    /// <summary>Finishes the message.</summary>
    /// <returns>The message bytes, with <c>nlmsg_len</c> set.</returns>
    public byte[] ToArray()
    {
        new NetlinkHeader((uint)_length, Type, Flags, Sequence, 0).WriteTo(_buffer);
        return _buffer.AsSpan(0, _length).ToArray();
    }

    private void Grow(int by)
    {
        if (_length + by > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + by));
        }

        _buffer.AsSpan(_length, by).Clear();
        _length += by;
    }
}
