using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Gatewayd.Systemd;

/// <summary>
/// sd_notify(3) without libsystemd: datagrams of newline-separated assignments to $NOTIFY_SOCKET, a path or, when it starts with
/// '@', a name in the abstract namespace. With no socket every call is a no-op returning false. Thread-safe.
/// </summary>
/// <remarks>
/// Microsoft.Extensions.Hosting.Systemd is not used: it sends only READY=1 and STOPPING=1 and stays silent when
/// ProtectProc=invisible hides the parent's /proc entry. Calls return whether the datagram went out and never throw, so a
/// missing manager cannot stop the daemon.
/// </remarks>
public sealed class SystemdNotifier : ISystemdNotifier, IDisposable
{
    private readonly UnixDomainSocketEndPoint? _endpoint;
    private readonly Lock _gate = new();
    private Socket? _socket;
    private long _failed;

    /// <summary>Creates a notifier for <paramref name="notifySocket"/> (the value of $NOTIFY_SOCKET; null or empty disables it).</summary>
    public SystemdNotifier(string? notifySocket, TimeSpan? watchdogInterval = null)
    {
        _endpoint = ToEndPoint(notifySocket);
        WatchdogInterval = _endpoint is null ? null : watchdogInterval;
    }

    /// <summary>A notifier configured from $NOTIFY_SOCKET, $WATCHDOG_USEC and $WATCHDOG_PID.</summary>
    public static SystemdNotifier FromEnvironment() =>
        new(Environment.GetEnvironmentVariable("NOTIFY_SOCKET"), WatchdogSettings.FromEnvironment());

    /// <inheritdoc />
    public bool IsEnabled => _endpoint is not null;

    /// <inheritdoc />
    public TimeSpan? WatchdogInterval { get; }

    /// <summary>Datagrams that could not be sent.</summary>
    public long FailedNotifications => Interlocked.Read(ref _failed);

    /// <inheritdoc />
    public bool Ready() => Send("READY=1");

    /// <inheritdoc />
    /// <remarks>systemd 253+ (Type=notify-reload) wants MONOTONIC_USEC beside RELOADING=1; 252 ignores it.</remarks>
    public bool Reloading() =>
        Send("RELOADING=1\nMONOTONIC_USEC=" + MonotonicClock.NowMicroseconds().ToString(CultureInfo.InvariantCulture));

    /// <inheritdoc />
    /// <remarks>Line breaks become spaces: a newline would end the assignment and start a bogus one.</remarks>
    public bool Status(string status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return Send("STATUS=" + status.ReplaceLineEndings(" "));
    }

    /// <inheritdoc />
    public bool Stopping() => Send("STOPPING=1");

    /// <inheritdoc />
    public bool Watchdog() => Send("WATCHDOG=1");

    /// <summary>Sends raw assignments, e.g. "READY=1\nSTATUS=up".</summary>
    public bool Send(string state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (_endpoint is null)
        {
            return false;
        }

        try
        {
            lock (_gate)
            {
                _socket ??= new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
                _socket.SendTo(Encoding.UTF8.GetBytes(state), SocketFlags.None, _endpoint);
            }

            return true;
        }
#pragma warning disable CA1031 // Notification is best effort; the failure is counted instead.
        catch (Exception)
#pragma warning restore CA1031
        {
            Interlocked.Increment(ref _failed);
            return false;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _socket?.Dispose();
        }
    }

    // sd_notify accepts an absolute path or '@name' (abstract namespace, written with a leading NUL in sockaddr_un);
    // anything else is ignored as it is there.
    internal static UnixDomainSocketEndPoint? ToEndPoint(string? notifySocket)
    {
        if (string.IsNullOrEmpty(notifySocket) || notifySocket.Length < 2)
        {
            return null;
        }

        return notifySocket[0] switch
        {
            '/' => new UnixDomainSocketEndPoint(notifySocket),
            '@' => new UnixDomainSocketEndPoint("\0" + notifySocket[1..]),
            _ => null,
        };
    }
}
