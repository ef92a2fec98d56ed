using System.Net;
using Microsoft.Extensions.Logging;

namespace Gatewayd.Ndp;

/// <summary>Log lines of the listener.</summary>
public sealed partial class RaListener
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "dropped RA from {Source} on {Interface}: hop limit {HopLimit}, must be 255 (RFC 4861 section 6.1.2); {Count} so far")]
    private static partial void LogDroppedHopLimit(ILogger logger, IPAddress source, string @interface, string hopLimit, long count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "dropped RA from {Source} on {Interface}: source is not link-local (RFC 4861 section 6.1.2); {Count} so far")]
    private static partial void LogDroppedSource(ILogger logger, IPAddress source, string @interface, long count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "dropped RA from {Source} on {Interface}: malformed at offset {Offset}: {Error}; {Count} so far")]
    private static partial void LogDroppedMalformed(ILogger logger, IPAddress source, string @interface, int offset, NdpParseError error, long count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "dropped RA from {Source} on {Interface}: reader fell behind, oldest queued RA discarded; {Count} so far")]
    private static partial void LogDroppedQueueFull(ILogger logger, IPAddress source, string @interface, long count);

    [LoggerMessage(Level = LogLevel.Information, Message = "RA from {Source}: ignoring option at offset {Offset}: {Problem}")]
    private static partial void LogIgnoredOption(ILogger logger, IPAddress source, int offset, NdpParseError problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "first RA on {Interface} from {Source} to {Destination}, {Milliseconds} ms after start")]
    private static partial void LogFirstAdvertisement(ILogger logger, string @interface, IPAddress source, IPAddress? destination, long milliseconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "sent RS {Number}/{Max} on {Interface}, SLLA {LinkLayer}")]
    private static partial void LogSolicitationSent(ILogger logger, int number, int max, string @interface, string linkLayer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "RS {Number} on {Interface} not sent: {Error}")]
    private static partial void LogSolicitationFailed(ILogger logger, int number, string @interface, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "no RA on {Interface} after {Count} Router Solicitations; waiting for unsolicited RAs")]
    private static partial void LogNoAdvertisement(ILogger logger, string @interface, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "waiting for a usable (non-tentative) link-local address on {Interface} before soliciting")]
    private static partial void LogWaitingForLinkLocal(ILogger logger, string @interface);
}
