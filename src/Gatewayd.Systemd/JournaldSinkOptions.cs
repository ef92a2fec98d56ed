namespace Gatewayd.Systemd;

/// <summary>Settings for <see cref="JournaldSink"/>.</summary>
public sealed class JournaldSinkOptions
{
    /// <summary>SYSLOG_IDENTIFIER of every entry (<c>journalctl -t gatewayd</c>).</summary>
    public string Identifier { get; init; } = "gatewayd";

    /// <summary>journald's native socket; tests point it at a socket of their own.</summary>
    public string SocketPath { get; init; } = JournaldSink.DefaultSocketPath;

    /// <summary>Cap on one encoded entry; larger ones have their longest value truncated.</summary>
    public int MaxEntryBytes { get; init; } = JournalEntry.DefaultMaxBytes;

    /// <summary>How long a send may block on a full journald queue before the event is dropped.</summary>
    public TimeSpan SendTimeout { get; init; } = TimeSpan.FromMilliseconds(500);
}
