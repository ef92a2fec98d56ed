using System.Globalization;
using System.Net;

namespace Gatewayd.Dhcp6.Client;

/// <summary>What /sys and /proc say about an interface: its index, MAC and usable link-local address.</summary>
public static class LinkFacts
{
    private const int IfaFlagTentative = 0x40;
    private const int IfaFlagDadFailed = 0x08;

    /// <summary>The interface index, or null when there is no such interface.</summary>
    public static int? Index(string interfaceName)
    {
        var path = $"/sys/class/net/{interfaceName}/ifindex";
        return File.Exists(path) ? int.Parse(File.ReadAllText(path).Trim(), CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The interface's hardware address, or null when it has none (or does not exist).</summary>
    public static byte[]? Mac(string interfaceName)
    {
        var path = $"/sys/class/net/{interfaceName}/address";
        if (!File.Exists(path))
            return null;
        var text = File.ReadAllText(path).Trim();
        return text.Length == 0 ? null : Convert.FromHexString(text.Replace(":", "", StringComparison.Ordinal));
    }

    /// <summary>
    /// A link-local address on the interface that has finished DAD, read from if_inet6 of the calling thread's
    /// network namespace; null while there is none (at boot the link-local is tentative for about a second).
    /// </summary>
    public static IPAddress? UsableLinkLocal(string interfaceName)
    {
        // thread-self, not self: /proc/self/net is the namespace of the main thread, and tests run clients in others.
        const string path = "/proc/thread-self/net/if_inet6";
        if (!File.Exists(path))
            return null;
        foreach (var line in File.ReadLines(path))
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length < 6 || f[5] != interfaceName || !f[0].StartsWith("fe80", StringComparison.Ordinal))
                continue;
            var flags = int.Parse(f[4], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if ((flags & (IfaFlagTentative | IfaFlagDadFailed)) == 0)
                return new IPAddress(Convert.FromHexString(f[0]), Index(interfaceName) ?? 0);
        }
        return null;
    }
}
