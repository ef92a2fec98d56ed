using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Gatewayd.Softwire;

/// <summary>
/// Strict parsing of prefix and address text typed by people. <see cref="IPNetwork.Parse(string)"/> silently drops host
/// bits ("2400:4050:4001::/35" becomes 2400:4050:4000::/35); a typo in a rule must be an error instead.
/// </summary>
internal static class PrefixText
{
    public static bool TryParsePrefix(string text, AddressFamily family, out IPNetwork prefix, [NotNullWhen(false)] out string? error)
    {
        prefix = default;
        string what = family == AddressFamily.InterNetworkV6 ? "IPv6" : "IPv4";
        string example = family == AddressFamily.InterNetworkV6 ? "2400:4050:4000::/35" : "153.241.0.0/17";
        int slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            error = $"'{text}' has no prefix length; expected an {what} prefix like {example}";
            return false;
        }

        string addressText = text[..slash];
        string lengthText = text[(slash + 1)..];
        int maxLength = family == AddressFamily.InterNetworkV6 ? 128 : 32;
        if (!TryParseAddress(addressText, family, out IPAddress? address, out error))
        {
            error = $"'{text}' is not an {what} prefix like {example}: {error}";
            return false;
        }

        if (lengthText.Length is 0 or > 3
            || !lengthText.All(char.IsAsciiDigit)
            || !int.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out int length)
            || length > maxLength)
        {
            error = $"'{text}' has prefix length '{lengthText}'; it must be 0..{maxLength}";
            return false;
        }

        var network = new IPNetwork(Mask(address, length), length);
        if (!network.BaseAddress.Equals(address))
        {
            error = $"'{text}' has bits set after the /{length} (did you mean {network}?)";
            return false;
        }

        prefix = network;
        error = null;
        return true;
    }

    public static bool TryParseAddress(string text, AddressFamily family, [NotNullWhen(true)] out IPAddress? address, [NotNullWhen(false)] out string? error)
    {
        address = null;
        string what = family == AddressFamily.InterNetworkV6 ? "IPv6" : "IPv4";

        // IPAddress.TryParse takes "1" as 0.0.0.1, "010.0.0.1" as octal and accepts zone ids: only plain dotted-quad
        // (canonical, so it must print back the same) or RFC 4291 text is meant here.
        bool plausible = family == AddressFamily.InterNetworkV6
            ? text.Contains(':', StringComparison.Ordinal) && !text.Contains('%', StringComparison.Ordinal)
            : text.Count(c => c == '.') == 3;
        if (!plausible
            || !IPAddress.TryParse(text, out IPAddress? parsed)
            || parsed.AddressFamily != family
            || (family == AddressFamily.InterNetwork && parsed.ToString() != text))
        {
            error = $"'{text}' is not an {what} address";
            return false;
        }

        address = parsed;
        error = null;
        return true;
    }

    private static IPAddress Mask(IPAddress address, int length) =>
        address.AddressFamily == AddressFamily.InterNetworkV6
            ? Ipv6Bits.ToIpv6Address(Ipv6Bits.ToUInt128(address) & Ipv6Bits.Mask(length))
            : Ipv6Bits.ToIpv4Address(Ipv6Bits.ToUInt32(address) & Ipv6Bits.Mask32(length));
}
