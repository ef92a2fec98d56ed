using System.Buffers.Binary;

namespace Gatewayd.Dhcp6;

/// <summary>
/// OPTION_AUTH (RFC 8415 section 21.11). gatewayd only uses it for RKAP (section 20.4); see <see cref="Rkap"/>.
/// </summary>
public sealed record AuthOption : Dhcp6Option
{
    /// <summary>Length of protocol, algorithm, RDM and replay detection (RFC 8415 section 21.11).</summary>
    public const int FixedLength = 11;

    /// <summary>Creates the option.</summary>
    /// <param name="protocol">Authentication protocol (3 = RKAP).</param>
    /// <param name="algorithm">Algorithm (1 = HMAC-MD5 for RKAP).</param>
    /// <param name="rdm">Replay detection method (0 = monotonically increasing counter).</param>
    /// <param name="replayDetection">The 64-bit replay detection value.</param>
    /// <param name="information">Authentication information, copied.</param>
    public AuthOption(byte protocol, byte algorithm, byte rdm, ulong replayDetection, ReadOnlySpan<byte> information)
        : this(protocol, algorithm, rdm, replayDetection, (ReadOnlyMemory<byte>)information.ToArray())
    {
    }

    private AuthOption(byte protocol, byte algorithm, byte rdm, ulong replayDetection, ReadOnlyMemory<byte> information)
    {
        Protocol = protocol;
        Algorithm = algorithm;
        Rdm = rdm;
        ReplayDetection = replayDetection;
        Information = information;
    }

    /// <summary>Authentication protocol (3 = RKAP, RFC 8415 section 20.4).</summary>
    public byte Protocol { get; }

    /// <summary>Algorithm (1 = HMAC-MD5).</summary>
    public byte Algorithm { get; }

    /// <summary>Replay detection method (0 = monotonic counter).</summary>
    public byte Rdm { get; }

    /// <summary>Replay detection value; for RDM 0 it must grow from message to message (RFC 8415 section 20.3).</summary>
    public ulong ReplayDetection { get; }

    /// <summary>Authentication information: for RKAP one type byte and a 16-byte value.</summary>
    public ReadOnlyMemory<byte> Information { get; }

    /// <inheritdoc/>
    public override Dhcp6OptionCode Code => Dhcp6OptionCode.Auth;

    /// <inheritdoc/>
    public override int ValueLength => FixedLength + Information.Length;

    private protected override void WriteValue(Span<byte> destination)
    {
        destination[0] = Protocol;
        destination[1] = Algorithm;
        destination[2] = Rdm;
        BinaryPrimitives.WriteUInt64BigEndian(destination[3..], ReplayDetection);
        Information.Span.CopyTo(destination[FixedLength..]);
    }

    internal static AuthOption? Decode(ParseContext context, in RawOption raw, out Dhcp6ParseError? error)
    {
        if (raw.Length < FixedLength)
        {
            error = raw.TooShort("AUTH", FixedLength);
            return null;
        }

        ReadOnlySpan<byte> value = context.Value(raw);
        error = null;
        return new AuthOption(value[0], value[1], value[2], BinaryPrimitives.ReadUInt64BigEndian(value[3..]),
            context.Memory(raw.ValueOffset + FixedLength, raw.Length - FixedLength));
    }
}
