using System.Buffers.Binary;
using System.Text;
using Serilog;
using Serilog.Core;
using Xunit;

namespace Gatewayd.Systemd.Tests;

public sealed class JournaldSinkTests
{
    private static Logger LoggerFor(JournaldSink sink) =>
        new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(sink).CreateLogger();

    [Fact]
    public void Structured_event_becomes_one_datagram_with_a_field_per_property()
    {
        using var journal = DatagramListener.AtPath();
        using var sink = new JournaldSink(new JournaldSinkOptions { SocketPath = journal.Address });
        using var log = LoggerFor(sink);

        log.ForContext("GatewaydEvent", "prefix-changed").Information("Prefix {Prefix} changed", "2400:4050:5c71:af00::/56");

        Assert.Equal(
            "MESSAGE=Prefix 2400:4050:5c71:af00::/56 changed\n" +
            "PRIORITY=6\n" +
            "SYSLOG_IDENTIFIER=gatewayd\n" +
            "GATEWAYD_EVENT=prefix-changed\n" +
            "PREFIX=2400:4050:5c71:af00::/56\n",
            Encoding.UTF8.GetString(journal.Receive()));
        Assert.Equal(0, sink.FailedEvents);
    }

    [Fact]
    public void Exception_is_sent_in_the_length_prefixed_form()
    {
        using var journal = DatagramListener.AtPath();
        using var sink = new JournaldSink(new JournaldSinkOptions { SocketPath = journal.Address, Identifier = "gw" });
        using var log = LoggerFor(sink);
        Exception error = Thrown();

        log.Error(error, "Apply failed");

        byte[] exceptionText = Encoding.UTF8.GetBytes(error.ToString());
        Assert.Contains((byte)'\n', exceptionText);
        byte[] length = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)exceptionText.Length);
        byte[] expected =
        [
            .. "MESSAGE=Apply failed\nPRIORITY=3\nSYSLOG_IDENTIFIER=gw\nEXCEPTION\n"u8,
            .. length,
            .. exceptionText,
            (byte)'\n',
        ];
        Assert.Equal(expected, journal.Receive());
    }

    [Theory]
    [InlineData(Serilog.Events.LogEventLevel.Fatal, 2)]
    [InlineData(Serilog.Events.LogEventLevel.Error, 3)]
    [InlineData(Serilog.Events.LogEventLevel.Warning, 4)]
    [InlineData(Serilog.Events.LogEventLevel.Information, 6)]
    [InlineData(Serilog.Events.LogEventLevel.Debug, 7)]
    [InlineData(Serilog.Events.LogEventLevel.Verbose, 7)]
    public void Levels_map_to_syslog_priorities(Serilog.Events.LogEventLevel level, int priority) =>
        Assert.Equal(priority, SyslogPriority.FromLevel(level));

    [Fact]
    public void Non_string_values_are_invariant_text_and_structures_as_serilog_renders_them()
    {
        using var journal = DatagramListener.AtPath();
        using var sink = new JournaldSink(new JournaldSinkOptions { SocketPath = journal.Address });
        using var log = LoggerFor(sink);

        log.Warning("{Mtu} {Ratio} {Links}", 1500, 0.5, new[] { "wan0", "lan0" });

        Assert.Equal(
            "MESSAGE=1500 0.5 [\"wan0\", \"lan0\"]\nPRIORITY=4\nSYSLOG_IDENTIFIER=gatewayd\n" +
            "LINKS=[\"wan0\", \"lan0\"]\nMTU=1500\nRATIO=0.5\n",
            Encoding.UTF8.GetString(journal.Receive()));
    }

    [Fact]
    public void Missing_journal_socket_is_counted_not_thrown()
    {
        using var sink = new JournaldSink(new JournaldSinkOptions { SocketPath = "/nonexistent/journal/socket" });
        using var log = LoggerFor(sink);

        log.Information("one");
        log.Information("two");

        Assert.Equal(2, sink.FailedEvents);
    }

    [Fact]
    public void Wedged_journal_drops_events_after_the_send_timeout()
    {
        // Nobody reads: the kernel queues net.unix.max_dgram_qlen datagrams (10 by default), then sends block.
        using var journal = DatagramListener.AtPath();
        var timeout = TimeSpan.FromMilliseconds(50);
        using var sink = new JournaldSink(new JournaldSinkOptions { SocketPath = journal.Address, SendTimeout = timeout });
        using var log = LoggerFor(sink);
        long start = System.Diagnostics.Stopwatch.GetTimestamp();

        for (int i = 0; i < 1000 && sink.FailedEvents == 0; i++)
        {
            log.Information("flood {N}", i);
        }

        Assert.Equal(1, sink.FailedEvents);
        Assert.InRange(System.Diagnostics.Stopwatch.GetElapsedTime(start), timeout, TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void Huge_message_is_capped_and_still_delivered()
    {
        using var journal = DatagramListener.AtPath();
        using var sink = new JournaldSink(new JournaldSinkOptions { SocketPath = journal.Address });
        using var log = LoggerFor(sink);

        log.Information(new string('x', 1_000_000));

        byte[] datagram = journal.Receive();
        Assert.Equal(JournalEntry.DefaultMaxBytes, datagram.Length);
        Assert.Contains(JournalEntry.TruncationMarker, Encoding.UTF8.GetString(datagram), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_events_each_arrive_whole()
    {
        using var journal = DatagramListener.AtPath();
        using var sink = new JournaldSink(new JournaldSinkOptions { SocketPath = journal.Address });
        using var log = LoggerFor(sink);
        const int Count = 200;

        var received = new List<string>();
        // Its own thread: Parallel.For may occupy the pool while senders wait on the 10-deep datagram queue.
        var reader = Task.Factory.StartNew(
            () =>
            {
                for (int i = 0; i < Count; i++)
                {
                    received.Add(Encoding.UTF8.GetString(journal.Receive()));
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        Parallel.For(0, Count, i => log.Information("event {N}", i));
        await reader.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(Count, received.Count);
        Assert.All(received, d => Assert.Matches("^MESSAGE=event (\\d+)\nPRIORITY=6\nSYSLOG_IDENTIFIER=gatewayd\nN=\\1\n$", d));
        Assert.Equal(0, sink.FailedEvents);
    }

    [Fact]
    public void Journal_is_chosen_only_under_a_journal_stream_with_the_socket_present()
    {
        using var journal = DatagramListener.AtPath();

        Assert.True(SystemdSinks.UseJournal(journal.Address, "8:12345"));
        Assert.False(SystemdSinks.UseJournal(journal.Address, null));
        Assert.False(SystemdSinks.UseJournal("/nonexistent/socket", "8:12345"));
    }

    private static InvalidOperationException Thrown()
    {
        try
        {
            throw new InvalidOperationException("nft failed", new IOException("broken pipe"));
        }
        catch (InvalidOperationException e)
        {
            return e;
        }
    }
}
