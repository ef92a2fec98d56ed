using System.Net;
using System.Threading.Channels;
using Gatewayd.Dhcp6.Client;

namespace Gatewayd.Dhcp6.Client.Tests;

/// <summary>The transport's in-memory twin: records what the client sent; tests deliver replies through the client.</summary>
internal sealed class InMemoryTransport : IDhcp6Transport
{
    private readonly Channel<Dhcp6Datagram> _incoming = Channel.CreateUnbounded<Dhcp6Datagram>();

    public List<Dhcp6Message> Sent { get; } = [];

    public ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        Assert.True(Dhcp6Message.TryParse(message.Span, out var parsed, out var error), $"client sent an unparsable message: {error}");
        Sent.Add(parsed);
        return ValueTask.CompletedTask;
    }

    public ValueTask<Dhcp6Datagram> ReceiveAsync(CancellationToken cancellationToken) => _incoming.Reader.ReadAsync(cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public Dhcp6Message Last => Sent[^1];

    public IEnumerable<Dhcp6Message> OfType(Dhcp6MessageType type) => Sent.Where(m => m.Type == type);
}

/// <summary>Collects log lines so tests can assert a drop was logged with its reason.</summary>
internal sealed class ListLogger : Microsoft.Extensions.Logging.ILogger
{
    public List<string> Lines { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

    public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (Lines)
            Lines.Add($"{logLevel}: {formatter(state, exception)}");
    }
}
