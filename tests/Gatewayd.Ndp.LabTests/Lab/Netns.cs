using System.ComponentModel;
using System.Runtime.InteropServices;
using Gatewayd.Netlink;

namespace Gatewayd.Ndp.LabTests.Lab;

/// <summary>
/// Runs code inside a named network namespace on a dedicated thread (setns(2) only moves the calling thread). A socket
/// keeps the namespace it was created in, so sockets made here are used from any thread afterwards.
/// </summary>
internal static partial class Netns
{
    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    /// <summary>Sends a signal to one process by pid (SIGTERM 15, SIGKILL 9).</summary>
    public static void Signal(int pid, int signal)
    {
        if (Kill(pid, signal) != 0)
            throw new Win32Exception(Marshal.GetLastPInvokeError(), $"kill({pid}, {signal})");
    }

    /// <summary>Runs <paramref name="body"/> on a thread inside namespace <paramref name="name"/>; sockets it opens stay there.</summary>
    public static T Run<T>(string name, Func<T> body) => NetworkNamespace.Run(NetworkNamespace.PathOf(name), body);
}
