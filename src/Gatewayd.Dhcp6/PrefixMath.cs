using System.Net;

namespace Gatewayd.Dhcp6;

/// <summary>Prefix helpers shared by IAPREFIX and the softwire options.</summary>
internal static class PrefixMath
{
    /// <summary>Builds a network from possibly unmasked bytes: <see cref="IPNetwork"/> rejects set host bits.</summary>
    internal static IPNetwork Network(IPAddress address, int prefixLength)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out int written);
        Mask(bytes[..written], prefixLength);
        return new IPNetwork(new IPAddress(bytes[..written]), prefixLength);
    }

    /// <summary>Clears every bit past <paramref name="prefixLength"/>.</summary>
    internal static void Mask(Span<byte> bytes, int prefixLength)
    {
        for (int i = 0; i < bytes.Length; i++)
        {
            int bits = Math.Clamp(prefixLength - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xff00 >> bits);
        }
    }

    /// <summary>Bytes needed for a prefix of <paramref name="prefixLength"/> bits (RFC 7598: ceil(len / 8)).</summary>
    internal static int ByteCount(int prefixLength) => (prefixLength + 7) / 8;
}
