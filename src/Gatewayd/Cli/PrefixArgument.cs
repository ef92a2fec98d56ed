using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;

namespace Gatewayd.Cli;

/// <summary>Reads an IPv6 prefix as users paste it: from a lease (no host bits) or from `ip -6 addr` (host bits set).</summary>
internal static class PrefixArgument
{
    public static bool TryParse(string text, [NotNullWhen(true)] out IPNetwork? prefix, [NotNullWhen(false)] out string? error)
    {
        prefix = null;
        var slash = text.IndexOf('/');
        if (slash < 0 || !IPAddress.TryParse(text.AsSpan(0, slash), out var address) ||
            !int.TryParse(text.AsSpan(slash + 1), out var length))
        {
            error = $"\"{text}\" is not an IPv6 prefix: write it as address/length, e.g. 2400:4050:5c71:af00::/56";
            return false;
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6 || length is < 0 or > 128)
        {
            error = $"\"{text}\" is not an IPv6 prefix (length 0..128)";
            return false;
        }
        prefix = Mask(address, length);
        error = null;
        return true;
    }

    private static IPNetwork Mask(IPAddress address, int length)
    {
        Span<byte> b = stackalloc byte[16];
        address.TryWriteBytes(b, out _);
        for (var bit = length; bit < 128; bit++)
            b[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        return new IPNetwork(new IPAddress(b), length);
    }
}
