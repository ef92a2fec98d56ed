using Xunit;

namespace Gatewayd.LabTests.Dhcp6;

/// <summary>A test against a real kea in network namespaces: skipped, with the reason, unless root with kea and tcpdump.</summary>
public sealed class NgnLabFactAttribute : FactAttribute
{
    public NgnLabFactAttribute()
    {
        if ((LabFactAttribute.SkipReason ?? Missing()) is { } reason)
            Skip = $"needs root, kea-dhcp6 and tcpdump: {reason}";
    }

    private static string? Missing() =>
        new[] { "/usr/sbin/kea-dhcp6", "/usr/bin/tcpdump" }.FirstOrDefault(f => !File.Exists(f)) is { } tool ? $"{tool} is missing" : null;
}
