namespace Gatewayd.Netlink;

/// <summary>Runs code inside another network namespace, on a thread of its own (setns changes only the calling thread). Linux only.</summary>
public static class NetworkNamespace
{
    /// <summary>Runs <paramref name="action"/> on a dedicated thread that first joins the namespace at <paramref name="path"/>.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="path">A namespace file, e.g. <c>/run/netns/lab</c> or <c>/proc/PID/ns/net</c>.</param>
    /// <param name="action">What to run there; sockets it opens stay in that namespace for their whole life.</param>
    /// <returns>What <paramref name="action"/> returned.</returns>
    /// <exception cref="NetlinkException">The namespace could not be joined.</exception>
    public static T Run<T>(string path, Func<T> action)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(action);
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                using var ns = File.OpenHandle(path);
                if (Interop.SetNs((int)ns.DangerousGetHandle(), Interop.CloneNewnet) != 0)
                {
                    ThrowHelper.ThrowLastError($"setns({path}, CLONE_NEWNET)");
                }

                result = action();
            }
#pragma warning disable CA1031 // Rethrown on the calling thread below.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failure = e;
            }
        })
        {
            IsBackground = true,
            Name = "netns " + path,
        };
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }

        return result;
    }

    /// <summary>The path <c>ip netns add NAME</c> creates.</summary>
    /// <param name="name">The namespace name.</param>
    /// <returns><c>/run/netns/NAME</c>.</returns>
    public static string PathOf(string name) => Path.Combine("/run/netns", name);
}
