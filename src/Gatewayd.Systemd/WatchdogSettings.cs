using System.Globalization;

namespace Gatewayd.Systemd;

/// <summary>Reads systemd's watchdog environment (sd_watchdog_enabled(3)).</summary>
public static class WatchdogSettings
{
    /// <summary>
    /// The interval to send WATCHDOG=1 at: half of $WATCHDOG_USEC, as sd_watchdog_enabled(3) recommends, so one late tick
    /// does not kill the service. Null when $WATCHDOG_USEC is unset, zero or malformed, or $WATCHDOG_PID names another process
    /// (the variables were inherited from a parent that is the one being watched).
    /// </summary>
    public static TimeSpan? Parse(string? watchdogUsec, string? watchdogPid, int ourPid)
    {
        if (!ulong.TryParse(watchdogUsec, NumberStyles.None, CultureInfo.InvariantCulture, out ulong usec) || usec == 0)
        {
            return null;
        }

        if (!string.IsNullOrEmpty(watchdogPid)
            && (!int.TryParse(watchdogPid, NumberStyles.None, CultureInfo.InvariantCulture, out int pid) || pid != ourPid))
        {
            return null;
        }

        return TimeSpan.FromMicroseconds(usec / 2);
    }

    /// <summary><see cref="Parse"/> over this process's environment.</summary>
    public static TimeSpan? FromEnvironment() =>
        Parse(
            Environment.GetEnvironmentVariable("WATCHDOG_USEC"),
            Environment.GetEnvironmentVariable("WATCHDOG_PID"),
            Environment.ProcessId);
}
