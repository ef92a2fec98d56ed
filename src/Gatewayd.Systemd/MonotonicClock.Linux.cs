using System.Runtime.InteropServices;

namespace Gatewayd.Systemd;

/// <summary>CLOCK_MONOTONIC, read directly: MONOTONIC_USEC must be on the clock systemd uses, not a runtime's choice.</summary>
internal static partial class MonotonicClock
{
    private const int ClockMonotonic = 1; // <linux/time.h>

    public static unsafe long NowMicroseconds()
    {
        Timespec ts;
        if (ClockGetTime(ClockMonotonic, &ts) != 0)
        {
            throw new InvalidOperationException("clock_gettime(CLOCK_MONOTONIC) failed: errno " + Marshal.GetLastPInvokeError());
        }

        return (ts.Seconds * 1_000_000) + (ts.Nanoseconds / 1_000);
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime", SetLastError = true)]
    private static unsafe partial int ClockGetTime(int clock, Timespec* time);

    // struct timespec on 64-bit Linux (x64, arm64): two longs.
    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
