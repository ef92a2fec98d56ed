using System.ComponentModel;
using System.Runtime.InteropServices;

namespace Gatewayd.Ndp.LabTests.Lab;

/// <summary>
/// Runs code inside a named network namespace on a dedicated thread (setns(2) only moves the calling thread). A socket
/// keeps the namespace it was created in, so sockets made here are used from any thread afterwards.
/// </summary>
internal static partial class Netns
{
    private const int CloneNewNet = 0x40000000;

    [LibraryImport("libc", EntryPoint = "setns", SetLastError = true)]
    private static partial int SetNs(int fd, int nstype);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    /// <summary>Sends a signal to one process by pid (SIGTERM 15, SIGKILL 9).</summary>
    public static void Signal(int pid, int signal)
    {
        if (Kill(pid, signal) != 0)
            throw new Win32Exception(Marshal.GetLastPInvokeError(), $"kill({pid}, {signal})");
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
                    throw new Win32Exception(Marshal.GetLastPInvokeError(), $"setns into {name}");
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
        if (!thread.Join(TimeSpan.FromSeconds(10)))
            throw new TimeoutException($"code in namespace {name} did not finish");
        if (error is not null)
            throw new InvalidOperationException($"in namespace {name}: {error.Message}", error);
        return result!;
    }
}
