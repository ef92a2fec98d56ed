using Serilog.Events;

namespace Gatewayd.Systemd;

/// <summary>Serilog levels as syslog priorities (RFC 5424 severities), the PRIORITY field and the <c>&lt;N&gt;</c> prefix.</summary>
public static class SyslogPriority
{
    /// <summary>Fatal → 2 (crit), Error → 3 (err), Warning → 4 (warning), Information → 6 (info), Debug and Verbose → 7 (debug).</summary>
    /// <remarks>5 (notice) is left unused: Serilog has no level between Warning and Information.</remarks>
    public static int FromLevel(LogEventLevel level) => level switch
    {
        LogEventLevel.Fatal => 2,
        LogEventLevel.Error => 3,
        LogEventLevel.Warning => 4,
        LogEventLevel.Information => 6,
        _ => 7,
    };
}
