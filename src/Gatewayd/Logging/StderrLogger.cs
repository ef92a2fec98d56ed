using Microsoft.Extensions.Logging;

namespace Gatewayd.Logging;

/// <summary>
/// Log lines on stderr with sd-daemon's <c>&lt;N&gt;</c> priority prefixes, which journald reads when stderr is its
/// stream. The structured journald sink replaces this once the daemon runs under systemd.
/// </summary>
internal sealed class StderrLogger(string category, LogLevel minimum, TextWriter? output = null) : ILogger
{
    private readonly TextWriter _out = output ?? Console.Error;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum && logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
            return;
        var line = $"<{SyslogPriority(logLevel)}>{category}: {formatter(state, exception)}";
        if (exception is not null)
            line += $": {exception.GetType().Name}: {exception.Message}";
        lock (_out)
            _out.WriteLine(line);
    }

    /// <summary>sd-daemon(3) priorities: 3 error, 4 warning, 6 info, 7 debug.</summary>
    internal static int SyslogPriority(LogLevel level) => level switch
    {
        LogLevel.Critical => 2,
        LogLevel.Error => 3,
        LogLevel.Warning => 4,
        LogLevel.Information => 6,
        _ => 7,
    };
}
