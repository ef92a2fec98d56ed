using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Gatewayd.Dhcp6;

/// <summary>
/// The Reconfigure Key Authentication Protocol (RFC 8415 section 20.4): the server hands the client a 128-bit key in a
/// Reply (type 1) and signs each Reconfigure with HMAC-MD5 under it (type 2). Pure functions over bytes.
/// </summary>
/// <remarks>
/// The digest covers the octets as received, "with zeroes substituted for the HMAC-MD5 field" (section 20.4.3), not a
/// re-encoding: a server's option order or unknown options must not change what is verified. Replay detection
/// (RDM 0, a counter that must increase) needs the last value seen and so belongs to the client, not here.
/// </remarks>
public static class Rkap
{
    /// <summary>Authentication protocol 3, Reconfigure Key (RFC 8415 section 20.4.1).</summary>
    public const byte Protocol = 3;

    /// <summary>Algorithm 1, HMAC-MD5 (RFC 8415 section 20.4.1).</summary>
    public const byte Algorithm = 1;

    /// <summary>RDM 0, monotonically increasing counter (RFC 8415 section 20.4.1).</summary>
    public const byte Rdm = 0;

    /// <summary>Information type 1: the Reconfigure key, sent in a Reply (RFC 8415 section 20.4.1).</summary>
    public const byte TypeReconfigureKey = 1;

    /// <summary>Information type 2: HMAC-MD5 digest of the message, sent in a Reconfigure (RFC 8415 section 20.4.1).</summary>
    public const byte TypeHmacMd5 = 2;

    /// <summary>Length of the key and of the digest: 128 bits (RFC 8415 section 20.4.1).</summary>
    public const int ValueLength = 16;

    // Offset of the 16-byte value inside the AUTH option value: protocol, algorithm, RDM, replay (8), type.
    private const int ValueOffsetInOption = AuthOption.FixedLength + 1;

    /// <summary>Makes the AUTH option a server puts in a Reply to hand over the key.</summary>
    /// <param name="replayDetection">The replay detection counter.</param>
    /// <param name="key">The 16-byte key.</param>
    /// <returns>The option.</returns>
    public static AuthOption CreateKeyOption(ulong replayDetection, ReadOnlySpan<byte> key) => Create(replayDetection, TypeReconfigureKey, key);

    /// <summary>Makes a Reconfigure's AUTH option with a zero digest, to be filled by <see cref="TrySign"/> after serializing.</summary>
    /// <param name="replayDetection">The replay detection counter.</param>
    /// <returns>The option.</returns>
    public static AuthOption CreateDigestOption(ulong replayDetection) => Create(replayDetection, TypeHmacMd5, stackalloc byte[ValueLength]);

    /// <summary>Extracts the key from a Reply's AUTH option when it is a well-formed RKAP type 1.</summary>
    /// <param name="auth">The AUTH option.</param>
    /// <param name="key">The 16-byte key.</param>
    /// <returns>True when the option carries an RKAP key.</returns>
    public static bool TryGetReconfigureKey(AuthOption auth, [NotNullWhen(true)] out byte[]? key)
    {
        ArgumentNullException.ThrowIfNull(auth);
        ReadOnlySpan<byte> info = auth.Information.Span;
        bool ok = auth.Protocol == Protocol && auth.Algorithm == Algorithm && auth.Rdm == Rdm
            && info.Length == 1 + ValueLength && info[0] == TypeReconfigureKey;
        key = ok ? info[1..].ToArray() : null;
        return ok;
    }

    /// <summary>HMAC-MD5 of <paramref name="message"/> under <paramref name="key"/> (RFC 2104).</summary>
    /// <param name="key">The reconfigure key.</param>
    /// <param name="message">The whole message with the digest field already zeroed.</param>
    /// <param name="digest">Receives the 16-byte digest.</param>
    [SuppressMessage("Security", "CA5351", Justification = "RFC 8415 section 20.4 mandates HMAC-MD5 for RKAP.")]
    public static void ComputeDigest(ReadOnlySpan<byte> key, ReadOnlySpan<byte> message, Span<byte> digest) =>
        HMACMD5.HashData(key, message, digest);

    /// <summary>Signs a serialized Reconfigure in place: finds its RKAP type 2 AUTH option and writes the digest.</summary>
    /// <param name="message">The serialized message, modified in place.</param>
    /// <param name="key">The reconfigure key.</param>
    /// <returns>False when the message has no single, well-formed RKAP digest option.</returns>
    public static bool TrySign(Span<byte> message, ReadOnlySpan<byte> key)
    {
        if (!TryFindDigest(message, out int at))
            return false;
        message.Slice(at, ValueLength).Clear();
        Span<byte> digest = stackalloc byte[ValueLength];
        ComputeDigest(key, message, digest);
        digest.CopyTo(message.Slice(at, ValueLength));
        return true;
    }

    /// <summary>Verifies a received Reconfigure against the key from the Reply (RFC 8415 section 20.4.3).</summary>
    /// <param name="message">The message exactly as received.</param>
    /// <param name="key">The reconfigure key.</param>
    /// <returns>True when there is exactly one RKAP digest option and the digest matches.</returns>
    public static bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> key)
    {
        if (!TryFindDigest(message, out int at))
            return false;
        byte[] copy = message.ToArray();
        copy.AsSpan(at, ValueLength).Clear();
        Span<byte> expected = stackalloc byte[ValueLength];
        ComputeDigest(key, copy, expected);
        return CryptographicOperations.FixedTimeEquals(expected, message.Slice(at, ValueLength));
    }

    private static AuthOption Create(ulong replayDetection, byte type, ReadOnlySpan<byte> value)
    {
        if (value.Length != ValueLength)
            ThrowHelper.Argument(nameof(value), $"An RKAP value is {ValueLength} bytes, not {value.Length}.");
        Span<byte> info = stackalloc byte[1 + ValueLength];
        info[0] = type;
        value.CopyTo(info[1..]);
        return new AuthOption(Protocol, Algorithm, Rdm, replayDetection, info);
    }

    /// <summary>Finds the digest's offset among the top-level options; more than one AUTH option is refused as ambiguous.</summary>
    private static bool TryFindDigest(ReadOnlySpan<byte> message, out int digestOffset)
    {
        digestOffset = -1;
        for (int position = Dhcp6Constants.HeaderLength; position + Dhcp6Constants.OptionHeaderLength <= message.Length;)
        {
            ushort code = BinaryPrimitives.ReadUInt16BigEndian(message[position..]);
            int length = BinaryPrimitives.ReadUInt16BigEndian(message[(position + 2)..]);
            int value = position + Dhcp6Constants.OptionHeaderLength;
            if (length > message.Length - value)
                return false;
            if (code == (ushort)Dhcp6OptionCode.Auth)
            {
                if (digestOffset >= 0 || length != AuthOption.FixedLength + 1 + ValueLength || message[value] != Protocol
                    || message[value + 1] != Algorithm || message[value + 2] != Rdm || message[value + AuthOption.FixedLength] != TypeHmacMd5)
                    return false;
                digestOffset = value + ValueOffsetInOption;
            }

            position = value + length;
        }

        return digestOffset >= 0;
    }
}
