using System.ComponentModel;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Gatewayd.Netlink;

namespace Gatewayd.LabTests.Lab;

/// <summary>
/// Runs code inside a named network namespace on a dedicated thread (setns only moves the calling thread). A socket keeps the
/// namespace it was created in, so sockets made here can be used from any thread afterwards.
/// </summary>
internal static partial class Netns
{
    [LibraryImport("libc", EntryPoint = "socket", SetLastError = true)]
    private static partial int SocketCall(int domain, int type, int protocol);

    /// <summary>
    /// A raw IPv4 socket for any IP protocol number, created in the calling thread's namespace. .NET's Socket constructor refuses
    /// protocol numbers it has no name for (47, GRE), so the descriptor comes from socket(2) directly.
    /// </summary>
    public static Socket RawIpv4(int protocol)
    {
        var fd = SocketCall(2 /* AF_INET */, 3 /* SOCK_RAW */, protocol);
        if (fd < 0)
        {
            throw new Win32Exception(Marshal.GetLastPInvokeError(), $"socket(AF_INET, SOCK_RAW, {protocol})");
        }

        return new Socket(new SafeSocketHandle(fd, ownsHandle: true));
    }

    /// <summary>Runs <paramref name="body"/> on a thread inside namespace <paramref name="name"/>; sockets it opens stay there.</summary>
    public static T Run<T>(string name, Func<T> body) => NetworkNamespace.Run(NetworkNamespace.PathOf(name), body);
}
