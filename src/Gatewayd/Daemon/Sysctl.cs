using System.Globalization;

namespace Gatewayd.Daemon;

/// <summary>Sysctls, written only when the value differs (writing ip_forward, for one, resets per-interface settings).</summary>
internal static class Sysctl
{
    /// <summary>Sets the file under /proc/sys to <paramref name="value"/>; true when it had to write.</summary>
    public static bool Ensure(string path, int value)
    {
        var current = File.ReadAllText(path).Trim();
        var wanted = value.ToString(CultureInfo.InvariantCulture);
        if (current == wanted)
            return false;
        File.WriteAllText(path, wanted);
        return true;
    }

    /// <summary>An IPv6 per-interface setting's file; names with dots (VLANs) are directories as they are.</summary>
    public static string Ipv6Conf(string interfaceName, string setting) => $"/proc/sys/net/ipv6/conf/{interfaceName}/{setting}";
}
