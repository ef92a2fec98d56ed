using System.Globalization;
using System.Net.NetworkInformation;
using System.Runtime.Versioning;

namespace Gatewayd.Ndp;

/// <summary>
/// An interface's MAC from <c>/sys/class/net/&lt;if&gt;/address</c> and its link-local state from <c>/proc/net/if_inet6</c>
/// (Linux). Both reflect the network namespace of the reader; the paths can be pointed elsewhere (for example
/// <c>/proc/&lt;pid&gt;/net/if_inet6</c> of a process inside another namespace).
/// </summary>
/// <param name="interfaceName">The interface.</param>
/// <param name="sysClassNet">The directory holding one entry per interface.</param>
/// <param name="ifInet6">The if_inet6 table.</param>
[SupportedOSPlatform("linux")]
public sealed class LinuxInterfaceAddresses(string interfaceName, string sysClassNet = "/sys/class/net", string ifInet6 = "/proc/net/if_inet6")
    : IInterfaceAddresses
{
    // <linux/if_addr.h>
    private const int ScopeLink = 0x20;
    private const int FlagDadFailed = 0x08;
    private const int FlagTentative = 0x40;

    /// <inheritdoc/>
    public PhysicalAddress? GetLinkLayerAddress()
    {
        try
        {
            return ParseMac(File.ReadAllText(Path.Combine(sysClassNet, interfaceName, "address")));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <inheritdoc/>
    public bool HasLinkLocalAddress()
    {
        try
        {
            return HasUsableLinkLocal(File.ReadAllText(ifInet6), interfaceName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>"02:00:5e:10:00:01\n" to bytes; null for an empty or all-zero address (no link layer).</summary>
    internal static PhysicalAddress? ParseMac(string text)
    {
        string hex = text.Trim().Replace(":", string.Empty, StringComparison.Ordinal);
        if (hex.Length == 0 || hex.Length % 2 != 0)
            return null;
        byte[] bytes;
        try
        {
            bytes = Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return null;
        }

        return Array.TrueForAll(bytes, b => b == 0) ? null : new PhysicalAddress(bytes);
    }

    /// <summary>
    /// Lines of if_inet6 read "address ifindex prefixlen scope flags name", numbers in hex; a usable link-local one has
    /// scope 0x20 and neither the tentative nor the dadfailed flag.
    /// </summary>
    internal static bool HasUsableLinkLocal(string ifInet6, string interfaceName)
    {
        foreach (string line in ifInet6.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 6 || fields[5] != interfaceName)
                continue;
            if (!int.TryParse(fields[3], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int scope)
                || !int.TryParse(fields[4], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int flags))
                continue;
            if (scope == ScopeLink && (flags & (FlagTentative | FlagDadFailed)) == 0)
                return true;
        }

        return false;
    }
}
