using System.Net.Sockets;
using Serilog.Core;
using Serilog.Events;

namespace Gatewayd.Systemd;

/// <summary>
/// Serilog sink writing each event as one datagram in journald's native protocol, so structured properties become journal
/// fields that journalctl can match (<c>journalctl GATEWAYD_EVENT=prefix-changed</c>).
/// </summary>
/// <remarks>
/// Fields: MESSAGE (the rendered message, strings unquoted), PRIORITY (<see cref="SyslogPriority.FromLevel"/>),
/// SYSLOG_IDENTIFIER, EXCEPTION (<see cref="Exception.ToString"/>, multi-line) when there is one, then every property under
/// <see cref="JournalFieldName.FromPropertyName"/> (<c>GatewaydEvent</c> → <c>GATEWAYD_EVENT</c>, <c>SourceContext</c> →
/// <c>SOURCE_CONTEXT</c>), sorted by property name; scalars as bare invariant text, other values as Serilog renders them.
/// Entries are capped at <see cref="JournaldSinkOptions.MaxEntryBytes"/>. Emit never throws: failures are counted in
/// <see cref="FailedEvents"/>, because a logger that throws would take the router down with the journal.
/// </remarks>
public sealed class JournaldSink : ILogEventSink, IDisposable
{
    /// <summary>Where journald listens for native-protocol datagrams.</summary>
    public const string DefaultSocketPath = "/run/systemd/journal/socket";

    private readonly JournaldSinkOptions _options;
    private readonly UnixDomainSocketEndPoint _endpoint;
    private readonly Socket _socket;
    private long _failed;

    /// <summary>Creates a sink sending to <see cref="DefaultSocketPath"/> under <paramref name="identifier"/>.</summary>
    public JournaldSink(string identifier)
        : this(new JournaldSinkOptions { Identifier = identifier })
    {
    }

    /// <summary>Creates a sink with explicit options.</summary>
    public JournaldSink(JournaldSinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _endpoint = new UnixDomainSocketEndPoint(options.SocketPath);
        _socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified)
        {
            // A wedged journald must not stall the daemon for long: after this the event is dropped and counted.
            SendTimeout = (int)options.SendTimeout.TotalMilliseconds,
        };
    }

    /// <summary>Events that could not be sent (journald absent, timed out, or the datagram refused).</summary>
    public long FailedEvents => Interlocked.Read(ref _failed);

    /// <inheritdoc />
    public void Emit(LogEvent logEvent)
    {
        try
        {
            byte[] datagram = JournalEntryBuilder.FromLogEvent(logEvent, _options.Identifier).Encode(_options.MaxEntryBytes);

            // Unconnected SendTo, as sd_journal_send does: a restarted journald binds a new socket at the same path.
            _socket.SendTo(datagram, SocketFlags.None, _endpoint);
        }
#pragma warning disable CA1031 // Logging must never take the daemon down; the failure is counted instead.
        catch (Exception)
#pragma warning restore CA1031
        {
            Interlocked.Increment(ref _failed);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _socket.Dispose();
}
