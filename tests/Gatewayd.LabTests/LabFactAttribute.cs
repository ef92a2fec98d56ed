using Xunit;

namespace Gatewayd.LabTests;

/// <summary>A test that builds network namespaces on the host kernel: skipped, with the reason, unless root with ip and nft.</summary>
public sealed class LabFactAttribute : FactAttribute
{
    public LabFactAttribute()
    {
        if (SkipReason is { } reason)
        {
            Skip = $"needs root and nft: {reason}";
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
            return "not running as root";
        }

        foreach (var tool in new[] { "/usr/sbin/nft", "/usr/sbin/ip", "/usr/sbin/sysctl" })
        {
            if (!File.Exists(tool))
            {
                return $"{tool} is missing";
            }
        }

        return null;
    }
}
