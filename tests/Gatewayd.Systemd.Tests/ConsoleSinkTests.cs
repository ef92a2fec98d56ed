using Serilog;
using Xunit;

namespace Gatewayd.Systemd.Tests;

public sealed class ConsoleSinkTests
{
    [Fact]
    public void Each_line_carries_the_priority_prefix()
    {
        using var output = new StringWriter();
        var sink = new ConsoleSink(output);
        using var log = new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger();

        log.Information("Prefix {Prefix} changed", "2400:4050:5c71:af00::/56");
        log.Warning("two\nlines");

        Assert.Equal("<6>Prefix 2400:4050:5c71:af00::/56 changed\n<4>two\n<4>lines\n", output.ToString());
    }

    [Fact]
    public void Exception_lines_keep_the_event_priority()
    {
        using var output = new StringWriter();
        var sink = new ConsoleSink(output);
        using var log = new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger();
        Exception error;
        try
        {
            throw new InvalidOperationException("boom");
        }
        catch (InvalidOperationException e)
        {
            error = e;
        }

        log.Fatal(error, "Crashed");

        string[] lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length >= 3);
        Assert.Equal("<2>Crashed", lines[0]);
        Assert.Equal("<2>System.InvalidOperationException: boom", lines[1]);
        Assert.All(lines, l => Assert.StartsWith("<2>", l, StringComparison.Ordinal));
    }

    [Fact]
    public void Broken_output_is_counted_not_thrown()
    {
        var output = new StringWriter();
        output.Dispose();
        var sink = new ConsoleSink(output);
        using var log = new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger();

        log.Information("lost");

        Assert.Equal(1, sink.FailedEvents);
    }
}
