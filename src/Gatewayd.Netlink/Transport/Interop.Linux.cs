using System.Runtime.InteropServices;

namespace Gatewayd.Netlink;

/// <summary>The libc calls the BCL has no wrapper for: <c>new Socket((AddressFamily)16, ...)</c> fails, so the netlink fd is made here.</summary>
internal static unsafe partial class Interop
{
    public const int SockRaw = 3;            // linux/net.h SOCK_RAW
    public const int SockCloexec = 0x80000;  // asm-generic/fcntl.h O_CLOEXEC (SOCK_CLOEXEC)
    public const int CloneNewnet = 0x40000000; // linux/sched.h CLONE_NEWNET
    public const int SockaddrNlLength = 12;  // sizeof(struct sockaddr_nl)

    [LibraryImport("libc", EntryPoint = "socket", SetLastError = true)]
    public static partial int Socket(int domain, int type, int protocol);

    [LibraryImport("libc", EntryPoint = "bind", SetLastError = true)]
    public static partial int Bind(int fd, byte* address, int addressLength);

    [LibraryImport("libc", EntryPoint = "getsockname", SetLastError = true)]
    public static partial int GetSockName(int fd, byte* address, int* addressLength);

    [LibraryImport("libc", EntryPoint = "setsockopt", SetLastError = true)]
    public static partial int SetSockOpt(int fd, int level, int name, void* value, int valueLength);

    [LibraryImport("libc", EntryPoint = "setns", SetLastError = true)]
    public static partial int SetNs(int fd, int nsType);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);
}
