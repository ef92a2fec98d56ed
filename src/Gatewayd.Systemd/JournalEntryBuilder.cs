using Serilog.Events;

namespace Gatewayd.Systemd;

/// <summary>Maps a Serilog event onto journal fields (the mapping is documented on <see cref="JournaldSink"/>).</summary>
internal static class JournalEntryBuilder
{
    public static JournalEntry FromLogEvent(LogEvent logEvent, string identifier)
    {
        var entry = new JournalEntry()
            .Add("MESSAGE", LogEventText.RenderMessage(logEvent))
            .Add("PRIORITY", SyslogPriority.FromLevel(logEvent.Level).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Add("SYSLOG_IDENTIFIER", identifier);
        if (logEvent.Exception is not null)
        {
            entry.Add("EXCEPTION", logEvent.Exception.ToString());
        }

        // Sorted so an event always encodes to the same bytes, whatever order enrichers added properties in.
        foreach (var property in logEvent.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            entry.Add(JournalFieldName.FromPropertyName(property.Key), LogEventText.RenderValue(property.Value));
        }

        return entry;
    }
}
