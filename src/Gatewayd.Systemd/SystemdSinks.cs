using Serilog.Core;

namespace Gatewayd.Systemd;

/// <summary>Chooses where the daemon's log goes.</summary>
public static class SystemdSinks
{
    /// <summary>
    /// The journal's native protocol when the daemon runs under systemd with its stderr connected to the journal
    /// ($JOURNAL_STREAM is set) and journald's socket exists; otherwise <c>&lt;N&gt;</c>-prefixed lines on standard error.
    /// </summary>
    /// <remarks>
    /// Native is preferred because it keeps structured properties as fields. $JOURNAL_STREAM is checked so that running the
    /// binary by hand in a terminal on a systemd machine logs to the terminal rather than silently to the journal.
    /// </remarks>
    public static ILogEventSink JournalOrConsole(string identifier) =>
        UseJournal(JournaldSink.DefaultSocketPath, Environment.GetEnvironmentVariable("JOURNAL_STREAM"))
            ? new JournaldSink(identifier)
            : new ConsoleSink(Console.Error);

    internal static bool UseJournal(string socketPath, string? journalStream) =>
        !string.IsNullOrEmpty(journalStream) && File.Exists(socketPath);
}
