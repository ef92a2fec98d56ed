using System.Net;
using System.Text;
using Gatewayd.Netlink.Uapi;

namespace Gatewayd.Netlink;

/// <summary>One <c>struct rtattr</c>/<c>nlattr</c> and its payload, with typed getters that check the payload size.</summary>
public readonly ref struct Rtattr
{
    internal Rtattr(ushort rawType, ReadOnlySpan<byte> value, int offset)
    {
        RawType = rawType;
        Value = value;
        Offset = offset;
    }

    /// <summary>The type without the <c>NLA_F_NESTED</c>/<c>NLA_F_NET_BYTEORDER</c> bits.</summary>
    public ushort Type => (ushort)(RawType & NetlinkConstants.NlaTypeMask);

    /// <summary>The type field as sent.</summary>
    public ushort RawType { get; }

    /// <summary>True when <c>NLA_F_NESTED</c> was set (older kernel code nests without it).</summary>
    public bool IsNestedFlagSet => (RawType & NetlinkConstants.NlaFNested) != 0;

    /// <summary>The payload, without padding.</summary>
    public ReadOnlySpan<byte> Value { get; }

    /// <summary>Offset of this attribute's header in the decoded buffer.</summary>
    public int Offset { get; }

    /// <summary>Offset of the payload in the decoded buffer.</summary>
    public int ValueOffset => Offset + NetlinkConstants.AttributeHeaderLength;

    /// <summary>Reads the payload as nested attributes.</summary>
    /// <returns>A reader over the nested attributes, reporting offsets in the outer buffer.</returns>
    public AttributeReader Nested() => new(Value, ValueOffset);

    /// <summary>Reads a one-byte payload.</summary>
    /// <param name="value">The value.</param>
    /// <param name="error">Why it failed.</param>
    /// <returns>False when the payload is not exactly 1 byte.</returns>
    public bool TryGetU8(out byte value, out NetlinkParseError error)
    {
        value = 0;
        if (!CheckSize(1, out error))
        {
            return false;
        }

        value = Value[0];
        return true;
    }

    /// <summary>Reads a two-byte host-order payload.</summary>
    /// <param name="value">The value.</param>
    /// <param name="error">Why it failed.</param>
    /// <returns>False when the payload is not exactly 2 bytes.</returns>
    public bool TryGetU16(out ushort value, out NetlinkParseError error)
    {
        value = 0;
        if (!CheckSize(2, out error))
        {
            return false;
        }

        value = HostOrder.U16(Value);
        return true;
    }

    /// <summary>Reads a four-byte host-order payload.</summary>
    /// <param name="value">The value.</param>
    /// <param name="error">Why it failed.</param>
    /// <returns>False when the payload is not exactly 4 bytes.</returns>
    public bool TryGetU32(out uint value, out NetlinkParseError error)
    {
        value = 0;
        if (!CheckSize(4, out error))
        {
            return false;
        }

        value = HostOrder.U32(Value);
        return true;
    }

    /// <summary>Reads a string payload up to its first NUL (or the end), as UTF-8.</summary>
    /// <returns>The string.</returns>
    public string GetString()
    {
        var end = Value.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? Value : Value[..end]);
    }

    /// <summary>Reads an IPv4 (4-byte) or IPv6 (16-byte) address in network order.</summary>
    /// <param name="family">The family the enclosing header announced; <see cref="InetFamily.Unspecified"/> accepts either size.</param>
    /// <param name="value">The address.</param>
    /// <param name="error">Why it failed.</param>
    /// <returns>False when the size does not match the family.</returns>
    public bool TryGetAddress(InetFamily family, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IPAddress? value, out NetlinkParseError error)
    {
        value = null;
        var ok = family switch
        {
            InetFamily.IPv4 => Value.Length == 4,
            InetFamily.IPv6 => Value.Length == 16,
            _ => Value.Length is 4 or 16,
        };
        if (!ok)
        {
            error = new NetlinkParseError(NetlinkParseErrorKind.BadAttributeValue, Offset, $"attribute {Type}: {Value.Length}-byte address for family {family}");
            return false;
        }

        error = default;
        value = new IPAddress(Value);
        return true;
    }

    private bool CheckSize(int size, out NetlinkParseError error)
    {
        if (Value.Length != size)
        {
            error = new NetlinkParseError(NetlinkParseErrorKind.BadAttributeValue, Offset, $"attribute {Type}: {Value.Length}-byte payload, expected {size}");
            return false;
        }

        error = default;
        return true;
    }
}
