using System.ComponentModel;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Gatewayd.LabTests.Lab;

/// <summary>
/// Runs code inside a named network namespace on a dedicated thread (setns only moves the calling thread). A socket keeps the
/// namespace it was created in, so sockets made here can be used from any thread afterwards.
/// </summary>
internal static partial class Netns
{
    private const int CloneNewNet = 0x40000000;

    [LibraryImport("libc", EntryPoint = "setns", SetLastError = true)]
    private static partial int SetNs(int fd, int nstype);

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

    public static T Run<T>(string name, Func<T> body)
    {
        T? result = default;
        Exception? error = null;
        var thread = new Thread(() =>
        {
            try
            {
                using var handle = File.OpenHandle($"/run/netns/{name}", FileMode.Open, FileAccess.Read);
                if (SetNs((int)handle.DangerousGetHandle(), CloneNewNet) != 0)
                {
                    throw new Win32Exception(Marshal.GetLastPInvokeError(), $"setns into {name}");
                }

                result = body();
            }
#pragma warning disable CA1031 // rethrown on the caller's thread below
            catch (Exception e)
#pragma warning restore CA1031
            {
                error = e;
            }
        })
        { IsBackground = true, Name = $"netns {name}" };
        thread.Start();
        if (!thread.Join(TimeSpan.FromSeconds(20)))
        {
            throw new TimeoutException($"code in namespace {name} did not finish");
        }

        if (error is not null)
        {
            throw new InvalidOperationException($"in namespace {name}: {error.Message}", error);
        }

        return result!;
    }
}
