namespace Gatewayd.Systemd;

/// <summary>The service manager's notification channel (sd_notify(3)); an in-memory twin can stand in for tests.</summary>
public interface ISystemdNotifier
{
    /// <summary>True when $NOTIFY_SOCKET named a socket, i.e. systemd waits for these messages.</summary>
    bool IsEnabled { get; }

    /// <summary>How often to call <see cref="Watchdog"/>, or null when no watchdog is armed for this process.</summary>
    TimeSpan? WatchdogInterval { get; }

    /// <summary>READY=1: start-up (or a reload) finished.</summary>
    bool Ready();

    /// <summary>RELOADING=1 with MONOTONIC_USEC, before re-reading configuration; follow with <see cref="Ready"/>.</summary>
    bool Reloading();

    /// <summary>STATUS=: one line shown by <c>systemctl status</c>.</summary>
    bool Status(string status);

    /// <summary>STOPPING=1: shutdown began.</summary>
    bool Stopping();

    /// <summary>WATCHDOG=1: the main loop is alive.</summary>
    bool Watchdog();
}
