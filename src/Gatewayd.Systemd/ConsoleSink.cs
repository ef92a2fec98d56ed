using System.Globalization;
using Serilog.Core;
using Serilog.Events;

namespace Gatewayd.Systemd;

/// <summary>
/// Fallback when the journal socket is absent: one line per event, <c>&lt;N&gt;message</c>, N the syslog priority, which
/// journald's stream reader (and systemd's <c>SyslogLevelPrefix=</c>) turn back into PRIORITY. Every further line (of a
/// multi-line message or of the exception) carries the same prefix, since journald splits a stream into one entry per line and
/// an unprefixed line would be logged at the unit's default priority.
/// </summary>
public sealed class ConsoleSink : ILogEventSink
{
    private readonly TextWriter _output;
    private readonly Lock _gate = new();
    private long _failed;

    /// <summary>Creates a sink writing to <paramref name="output"/> (the daemon uses standard error).</summary>
    public ConsoleSink(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
    }

    /// <summary>Events that could not be written.</summary>
    public long FailedEvents => Interlocked.Read(ref _failed);

    /// <inheritdoc />
    public void Emit(LogEvent logEvent)
    {
        try
        {
            string prefix = "<" + SyslogPriority.FromLevel(logEvent.Level).ToString(CultureInfo.InvariantCulture) + ">";
            var text = new System.Text.StringBuilder();
            AppendLines(text, prefix, LogEventText.RenderMessage(logEvent));
            if (logEvent.Exception is not null)
            {
                AppendLines(text, prefix, logEvent.Exception.ToString());
            }

            // One write per event so lines of concurrent events do not interleave.
            lock (_gate)
            {
                _output.Write(text.ToString());
                _output.Flush();
            }
        }
#pragma warning disable CA1031 // Logging must never take the daemon down; the failure is counted instead.
        catch (Exception)
#pragma warning restore CA1031
        {
            Interlocked.Increment(ref _failed);
        }
    }

    private static void AppendLines(System.Text.StringBuilder text, string prefix, string value)
    {
        foreach (var line in value.AsSpan().EnumerateLines())
        {
            text.Append(prefix).Append(line).Append('\n');
        }
    }
}
