using Xunit;
using System.Collections.Concurrent;
using System.Net;
using System.Net.NetworkInformation;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Gatewayd.Ndp.Tests;

/// <summary>The in-memory twin of RaSocket: tests deliver datagrams and read what was sent.</summary>
internal sealed class PairedRaTransport : IRaTransport
{
    private readonly Channel<RaDatagram> _incoming = Channel.CreateUnbounded<RaDatagram>();

    public ConcurrentQueue<byte[]> Sent { get; } = new();

    public Exception? SendFailure { get; set; }

    public void Deliver(RaDatagram datagram) => _incoming.Writer.TryWrite(datagram);

    public void Fail(Exception error) => _incoming.Writer.TryComplete(error);

    public ValueTask SendSolicitationAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        if (SendFailure is { } failure)
            return ValueTask.FromException(failure);
        Sent.Enqueue(message.ToArray());
        return ValueTask.CompletedTask;
    }

    public ValueTask<RaDatagram> ReceiveAsync(CancellationToken cancellationToken) => _incoming.Reader.ReadAsync(cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

internal sealed class FixedInterfaceAddresses(PhysicalAddress? mac, bool hasLinkLocal) : IInterfaceAddresses
{
    public bool LinkLocal { get; set; } = hasLinkLocal;

    public PhysicalAddress? GetLinkLayerAddress() => mac;

    public bool HasLinkLocalAddress() => LinkLocal;
}

/// <summary>Keeps every formatted log line.</summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Lines { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Lines.Enqueue((logLevel, formatter(state, exception)));
}

internal static class Wait
{
    /// <summary>Polls (real time) until the condition holds; the listener's loops run on the thread pool.</summary>
    public static void Until(Func<bool> condition, string what, int milliseconds = 5000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(milliseconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"timed out waiting for {what}");
            Thread.Sleep(2);
        }
    }
}

internal static class Addresses
{
    public static readonly IPAddress RouterA = IPAddress.Parse("fe80::1");
    public static readonly IPAddress RouterB = IPAddress.Parse("fe80::2");
    public static readonly IPAddress RouterC = IPAddress.Parse("fe80::3");
}
