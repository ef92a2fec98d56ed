using System.Runtime.InteropServices;

namespace Gatewayd.DBus;

/// <summary>The few libc calls the bus loop needs: an eventfd to wake it and poll to sleep on two descriptors.</summary>
internal static unsafe partial class Libc
{
    internal const short POLLIN = 0x001;
    internal const int EFD_CLOEXEC = 0x80000;
    internal const int EFD_NONBLOCK = 0x800;
    internal const int CLOCK_MONOTONIC = 1;
    internal const int EINTR = 4;

    [StructLayout(LayoutKind.Sequential)]
    internal struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [StructLayout(LayoutKind.Sequential)]
    internal struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", SetLastError = true)] internal static partial int eventfd(uint initval, int flags);
    [LibraryImport("libc", SetLastError = true)] internal static partial int poll(PollFd* fds, nuint nfds, int timeout);
    [LibraryImport("libc", SetLastError = true)] internal static partial nint read(int fd, void* buf, nuint count);
    [LibraryImport("libc", SetLastError = true)] internal static partial nint write(int fd, void* buf, nuint count);
    [LibraryImport("libc")] internal static partial int close(int fd);
    [LibraryImport("libc")] internal static partial int clock_gettime(int clock, TimeSpec* ts);

    /// <summary>CLOCK_MONOTONIC in microseconds: the clock sd_bus_get_timeout answers in.</summary>
    internal static ulong MonotonicMicroseconds()
    {
        TimeSpec ts;
        _ = clock_gettime(CLOCK_MONOTONIC, &ts);
        return ((ulong)ts.Seconds * 1_000_000) + ((ulong)ts.Nanoseconds / 1000);
    }
}
