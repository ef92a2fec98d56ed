using Microsoft.Extensions.Logging;

namespace Gatewayd.Logging;

/// <summary>Hands out <see cref="StderrLogger"/>s named after the last part of their category (RaListener, RouterTracker...).</summary>
internal sealed class StderrLoggerFactory(LogLevel minimum, TextWriter? output = null) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) =>
        new StderrLogger(categoryName[(categoryName.LastIndexOf('.') + 1)..], minimum, output);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }
}
