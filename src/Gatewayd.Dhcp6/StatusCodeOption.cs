using System.Buffers.Binary;
using System.Text;

namespace Gatewayd.Dhcp6;

/// <summary>OPTION_STATUS_CODE (RFC 8415 section 21.13): a status and a UTF-8 message for humans.</summary>
public sealed record StatusCodeOption : Dhcp6Option
{
    /// <summary>Creates the option.</summary>
    /// <param name="status">The status code.</param>
    /// <param name="message">The message, encoded as UTF-8.</param>
    public StatusCodeOption(Dhcp6StatusCode status, string message = "")
        : this(status, Encoding.UTF8.GetBytes(message))
    {
    }

    private StatusCodeOption(Dhcp6StatusCode status, ReadOnlyMemory<byte> messageBytes)
    {
        Status = status;
        MessageBytes = messageBytes;
    }

    /// <summary>The status code.</summary>
    public Dhcp6StatusCode Status { get; }

    /// <summary>The message exactly as sent; it need not be valid UTF-8 and is re-serialized unchanged.</summary>
    public ReadOnlyMemory<byte> MessageBytes { get; }

    /// <summary>The message decoded as UTF-8, invalid sequences replaced by U+FFFD.</summary>
    public string Message => Encoding.UTF8.GetString(MessageBytes.Span);

    /// <inheritdoc/>
    public override Dhcp6OptionCode Code => Dhcp6OptionCode.StatusCode;

    /// <inheritdoc/>
    public override int ValueLength => 2 + MessageBytes.Length;

    private protected override void WriteValue(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)Status);
        MessageBytes.Span.CopyTo(destination[2..]);
    }

    internal static StatusCodeOption? Decode(ParseContext context, in RawOption raw, out Dhcp6ParseError? error)
    {
        if (raw.Length < 2)
        {
            error = raw.TooShort("STATUS_CODE", 2);
            return null;
        }

        error = null;
        var status = (Dhcp6StatusCode)BinaryPrimitives.ReadUInt16BigEndian(context.Value(raw));
        return new StatusCodeOption(status, context.Memory(raw.ValueOffset + 2, raw.Length - 2));
    }
}
