namespace Gatewayd.Dhcp6.Client;

/// <summary>What the system says about its clocks.</summary>
internal static class SystemClockFacts
{
    /// <summary>This boot's id; it changes at every boot, so equal ids mean the monotonic clock is comparable.</summary>
    public static string? BootId()
    {
        try
        {
            return File.ReadAllText("/proc/sys/kernel/random/boot_id").Trim();
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>systemd-timesyncd (and chrony with its hook) touch this file once the wall clock has been synchronised.</summary>
    public static bool WallClockSynchronized() => File.Exists("/run/systemd/timesync/synchronized");
}
