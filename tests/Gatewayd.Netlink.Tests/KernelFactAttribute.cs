namespace Gatewayd.Netlink.Tests;

/// <summary>A test against the host kernel in a network namespace of its own: skipped, with the reason, unless root on Linux with iproute2.</summary>
public sealed class KernelFactAttribute : FactAttribute
{
    public KernelFactAttribute()
    {
        if (SkipReason is { } reason)
        {
            Skip = $"needs the host kernel: {reason}";
        }
    }

    internal static string? SkipReason { get; } = FindSkipReason();

    private static string? FindSkipReason()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "not Linux";
        }

        if (!Environment.IsPrivilegedProcess)
        {
            return "not running as root (creating network namespaces needs CAP_SYS_ADMIN)";
        }

        return File.Exists("/usr/sbin/ip") || File.Exists("/sbin/ip") ? null : "iproute2 (ip) is not installed";
    }
}
