namespace Gatewayd.Ndp.LabTests;

/// <summary>
/// A test that builds network namespaces on the host kernel and runs radvd in one: skipped, with the reason, unless Linux,
/// root, ip and radvd are all there. CI runs as root with radvd installed, so there they run.
/// </summary>
public sealed class LabFactAttribute : FactAttribute
{
    public LabFactAttribute()
    {
        if (SkipReason is { } reason)
            Skip = $"needs root, ip and radvd: {reason}";
    }

    internal static string? SkipReason { get; } = FindSkipReason();

    private static string? FindSkipReason()
    {
        if (!OperatingSystem.IsLinux())
            return "not Linux";
        if (!Environment.IsPrivilegedProcess)
            return "not running as root";
        foreach (string tool in new[] { Lab.Sh.Ip, Lab.Radvd.Path })
        {
            if (!File.Exists(tool))
                return $"{tool} is missing";
        }

        return null;
    }
}
