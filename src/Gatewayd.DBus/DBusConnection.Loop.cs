using System.Runtime.InteropServices;

namespace Gatewayd.DBus;

public sealed partial class DBusConnection
{
    private readonly Queue<Action> _posted = new();
    private readonly Lock _gate = new();
    private readonly int _wakeFd;
    private Thread? _thread;
    private int _threadId;
    private bool _closed;
    private bool _wakeClosed;
    private volatile bool _stopping;

    /// <summary>Closes the connection: unexports objects, fails pending calls and joins the bus thread.</summary>
    public void Dispose()
    {
        _stopping = true;
        Wake();
        if (_thread is { } t && Environment.CurrentManagedThreadId != _threadId)
        {
            t.Join();
        }
    }

    /// <summary>Disposed by the owner, or closed because the bus went away (the daemon stopped).</summary>
    private Exception ClosedException() => _stopping
        ? new ObjectDisposedException(nameof(DBusConnection))
        : new DBusException(DBusErrorNames.Disconnected, "The connection to the bus was lost.");

    private bool OnBusThread => Environment.CurrentManagedThreadId == _threadId;

    /// <summary>Runs <paramref name="f"/> on the bus thread (inline when already there) and returns its result.</summary>
    private Task<T> InvokeAsync<T>(Func<T> f)
    {
        if (OnBusThread)
        {
            try
            {
                return Task.FromResult(f());
            }
            catch (Exception ex)
            {
                return Task.FromException<T>(ex);
            }
        }

        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!TryPost(() =>
            {
                try
                {
                    done.SetResult(f());
                }
                catch (Exception ex)
                {
                    done.SetException(ex);
                }
            }))
        {
            done.SetException(ClosedException());
        }

        return done.Task;
    }

    private T Invoke<T>(Func<T> f) => InvokeAsync(f).GetAwaiter().GetResult();

    private bool TryPost(Action action)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return false;
            }

            _posted.Enqueue(action);
        }

        Wake();
        return true;
    }

    private void Run(Func<nint> connect, TaskCompletionSource<DBusConnection> opened)
    {
        _threadId = Environment.CurrentManagedThreadId;
        try
        {
            Connect(connect);
        }
        catch (Exception ex)
        {
            Shutdown();
            opened.SetException(ex);
            return;
        }

        opened.SetResult(this);
        try
        {
            Loop();
        }
        finally
        {
            Shutdown();
        }
    }

    private unsafe void Loop()
    {
        var fds = stackalloc Libc.PollFd[2];
        while (!_stopping)
        {
            RunPosted();
            // sd_bus_process handles at most one message per call; loop while it reports progress.
            int r = SdBus.sd_bus_process(_bus, 0);
            if (r < 0)
            {
                return; // the connection broke (ECONNRESET, ENOTCONN): Shutdown fails what is pending.
            }

            if (r > 0)
            {
                continue;
            }

            int events = SdBus.sd_bus_get_events(_bus);
            if (events < 0 || SdBus.sd_bus_get_timeout(_bus, out ulong until) < 0)
            {
                return;
            }

            fds[0] = new Libc.PollFd { Fd = SdBus.sd_bus_get_fd(_bus), Events = (short)events };
            fds[1] = new Libc.PollFd { Fd = _wakeFd, Events = Libc.POLLIN };
            if (Libc.poll(fds, 2, TimeoutMilliseconds(until)) < 0 && Marshal.GetLastPInvokeError() != Libc.EINTR)
            {
                return;
            }

            if (fds[1].Revents != 0)
            {
                ulong drained;
                _ = Libc.read(_wakeFd, &drained, sizeof(ulong));
            }
        }
    }

    /// <summary>sd_bus_get_timeout answers an absolute CLOCK_MONOTONIC time in µs, or UINT64_MAX for none.</summary>
    private static int TimeoutMilliseconds(ulong until)
    {
        if (until == ulong.MaxValue)
        {
            return -1;
        }

        ulong now = Libc.MonotonicMicroseconds();
        return until <= now ? 0 : (int)Math.Min(int.MaxValue, ((until - now) + 999) / 1000);
    }

    private void RunPosted()
    {
        while (true)
        {
            Action? next;
            lock (_gate)
            {
                if (!_posted.TryDequeue(out next))
                {
                    return;
                }
            }

            try
            {
                next();
            }
            catch (Exception)
            {
                // Posted actions report their own failures into their tasks; an escape here would be a bug, and it
                // must not kill the bus thread (an unhandled exception on a thread ends the process).
            }
        }
    }

    private void Shutdown()
    {
        lock (_gate)
        {
            _closed = true;
        }

        // Work posted before Dispose still runs against the live bus, so a call made just before Dispose ends in
        // NoReply like any other in flight, not in "closed".
        RunPosted();
        FailPendingCalls();
        UnexportAll();
        if (_bus != 0)
        {
            SdBus.sd_bus_flush_close_unref(_bus);
            _bus = 0;
        }
        lock (_gate)
        {
            _wakeClosed = true;
            _ = Libc.close(_wakeFd);
        }
    }

    private static unsafe int CreateWakeFd()
    {
        int fd = Libc.eventfd(0, Libc.EFD_CLOEXEC | Libc.EFD_NONBLOCK);
        if (fd < 0)
        {
            DBusException.Throw("eventfd", Marshal.GetLastPInvokeError());
        }

        return fd;
    }

    private unsafe void Wake()
    {
        lock (_gate)
        {
            // The fd is closed at shutdown under the same lock, so a late Wake never writes to a reused descriptor.
            if (_wakeClosed)
            {
                return;
            }

            ulong one = 1;
            _ = Libc.write(_wakeFd, &one, sizeof(ulong));
        }
    }
}
