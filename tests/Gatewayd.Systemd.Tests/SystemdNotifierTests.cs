using System.Globalization;
using System.Text;
using Xunit;

namespace Gatewayd.Systemd.Tests;

public sealed class SystemdNotifierTests
{
    [Fact]
    public void Path_socket_receives_each_message()
    {
        using var manager = DatagramListener.AtPath();
        using var notifier = new SystemdNotifier(manager.Address);

        Assert.True(notifier.Ready());
        Assert.True(notifier.Status("WAN up, prefix 2400:4050:5c71:af00::/56"));
        Assert.True(notifier.Watchdog());
        Assert.True(notifier.Stopping());

        Assert.Equal("READY=1", Text(manager.Receive()));
        Assert.Equal("STATUS=WAN up, prefix 2400:4050:5c71:af00::/56", Text(manager.Receive()));
        Assert.Equal("WATCHDOG=1", Text(manager.Receive()));
        Assert.Equal("STOPPING=1", Text(manager.Receive()));
    }

    [Fact]
    public void Abstract_socket_named_with_at_sign_works()
    {
        using var manager = DatagramListener.Abstract();
        using var notifier = new SystemdNotifier(manager.Address);

        Assert.True(notifier.IsEnabled);
        Assert.True(notifier.Ready());

        Assert.Equal("READY=1", Text(manager.Receive()));
    }

    [Fact]
    public void Reloading_carries_the_monotonic_clock_in_microseconds()
    {
        using var manager = DatagramListener.AtPath();
        using var notifier = new SystemdNotifier(manager.Address);
        long before = MonotonicClock.NowMicroseconds();

        notifier.Reloading();

        string[] lines = Text(manager.Receive()).Split('\n');
        long after = MonotonicClock.NowMicroseconds();
        Assert.Equal("RELOADING=1", lines[0]);
        Assert.StartsWith("MONOTONIC_USEC=", lines[1], StringComparison.Ordinal);
        long usec = long.Parse(lines[1]["MONOTONIC_USEC=".Length..], CultureInfo.InvariantCulture);
        Assert.InRange(usec, before, after);
    }

    [Fact]
    public void Monotonic_clock_agrees_with_the_runtime_stopwatch()
    {
        // Stopwatch reads CLOCK_MONOTONIC on Linux; the two must tick together (same clock, µs apart).
        long ours = MonotonicClock.NowMicroseconds();
        long stopwatch = (long)(System.Diagnostics.Stopwatch.GetTimestamp() * (1_000_000.0 / System.Diagnostics.Stopwatch.Frequency));

        Assert.InRange(stopwatch - ours, 0, 100_000);
    }

    [Fact]
    public void Status_cannot_inject_other_assignments()
    {
        using var manager = DatagramListener.AtPath();
        using var notifier = new SystemdNotifier(manager.Address);

        notifier.Status("one\nREADY=1");

        Assert.Equal("STATUS=one READY=1", Text(manager.Receive()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("relative/path")]
    [InlineData("@")]
    public void Without_a_usable_notify_socket_every_call_is_a_no_op(string? notifySocket)
    {
        using var notifier = new SystemdNotifier(notifySocket, TimeSpan.FromSeconds(5));

        Assert.False(notifier.IsEnabled);
        Assert.Null(notifier.WatchdogInterval);
        Assert.False(notifier.Ready());
        Assert.False(notifier.Reloading());
        Assert.False(notifier.Watchdog());
        Assert.Equal(0, notifier.FailedNotifications);
    }

    [Fact]
    public void Vanished_manager_is_counted_not_thrown()
    {
        string path;
        using (var manager = DatagramListener.AtPath())
        {
            path = manager.Address;
        }

        using var notifier = new SystemdNotifier(path);

        Assert.False(notifier.Ready());
        Assert.Equal(1, notifier.FailedNotifications);
    }

    [Fact]
    public async Task Concurrent_callers_each_get_their_datagram_out()
    {
        using var manager = DatagramListener.AtPath();
        using var notifier = new SystemdNotifier(manager.Address);
        const int Count = 100;
        int received = 0;
        // Its own thread: Parallel.For may occupy the pool while senders wait on the 10-deep datagram queue.
        var reader = Task.Factory.StartNew(
            () =>
            {
                for (int i = 0; i < Count; i++)
                {
                    Assert.Equal("WATCHDOG=1", Text(manager.Receive()));
                    received++;
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        Parallel.For(0, Count, _ => Assert.True(notifier.Watchdog()));
        await reader.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(Count, received);
    }

    [Theory]
    [InlineData("20000000", null, 10.0)]       // no WATCHDOG_PID: ours
    [InlineData("20000000", "4242", 10.0)]     // WATCHDOG_PID is ours
    [InlineData("20000000", "4243", null)]     // another process's watchdog
    [InlineData("20000000", "x", null)]
    [InlineData("0", null, null)]
    [InlineData("", null, null)]
    [InlineData(null, "4242", null)]
    [InlineData("-5", null, null)]
    [InlineData("3000001", null, 1.5)]         // halved, truncated to whole µs
    public void Watchdog_interval_is_half_of_watchdog_usec_for_our_pid(string? usec, string? pid, double? seconds)
    {
        TimeSpan? interval = WatchdogSettings.Parse(usec, pid, ourPid: 4242);

        Assert.Equal(seconds is null ? null : TimeSpan.FromSeconds(seconds.Value), interval);
    }

    private static string Text(byte[] datagram) => Encoding.UTF8.GetString(datagram);
}
