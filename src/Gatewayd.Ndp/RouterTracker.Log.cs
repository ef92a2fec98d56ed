using System.Net;
using Microsoft.Extensions.Logging;

namespace Gatewayd.Ndp;

/// <summary>Log lines of the tracker: each state change as old -> new.</summary>
public sealed partial class RouterTracker
{
    [LoggerMessage(Level = LogLevel.Information, Message = "RA flags {Old} -> {New} (from {Router})")]
    private static partial void LogFlagsChanged(ILogger logger, string old, string @new, IPAddress router);

    [LoggerMessage(Level = LogLevel.Information, Message = "default router {Router} appeared: preference {Preference}, lifetime {Lifetime} s, link-layer {LinkLayer}")]
    private static partial void LogRouterAppeared(ILogger logger, IPAddress router, RouterPreference preference, int lifetime, string? linkLayer);

    [LoggerMessage(Level = LogLevel.Information, Message = "default router {Router} changed: preference {OldPreference} -> {NewPreference}, lifetime {OldLifetime} -> {NewLifetime} s, link-layer {OldLinkLayer} -> {NewLinkLayer}")]
    private static partial void LogRouterChanged(ILogger logger, IPAddress router, RouterPreference oldPreference, RouterPreference newPreference,
        int oldLifetime, int newLifetime, string? oldLinkLayer, string? newLinkLayer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "default router {Router} lost: {Reason}")]
    private static partial void LogRouterLost(ILogger logger, IPAddress router, RouterLossReason reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "default router {Router} ignored: already {Max} routers")]
    private static partial void LogRouterIgnored(ILogger logger, IPAddress router, int max);

    [LoggerMessage(Level = LogLevel.Information, Message = "on-link prefix {Prefix} added (A={Autonomous}, valid {Valid} s) from {Router}")]
    private static partial void LogPrefixAdded(ILogger logger, IPNetwork prefix, bool autonomous, uint valid, IPAddress router);

    [LoggerMessage(Level = LogLevel.Information, Message = "on-link prefix {Prefix} withdrawn (valid lifetime 0) by {Router}")]
    private static partial void LogPrefixWithdrawn(ILogger logger, IPNetwork prefix, IPAddress router);

    [LoggerMessage(Level = LogLevel.Information, Message = "on-link prefix {Prefix} expired")]
    private static partial void LogPrefixExpired(ILogger logger, IPNetwork prefix);

    [LoggerMessage(Level = LogLevel.Warning, Message = "on-link prefix {Prefix} ignored: already {Max} prefixes")]
    private static partial void LogPrefixIgnored(ILogger logger, IPNetwork prefix, int max);

    [LoggerMessage(Level = LogLevel.Information, Message = "link MTU {Old} -> {New} (from {Router})")]
    private static partial void LogMtuChanged(ILogger logger, uint? old, uint @new, IPAddress router);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MTU option {Mtu} from {Router} ignored: outside {Min}..{Max} (RFC 4861 section 6.3.4)")]
    private static partial void LogMtuIgnored(ILogger logger, uint mtu, IPAddress router, uint min, uint? max);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} {Value} {What} (lifetime {Lifetime} s)")]
    private static partial void LogDnsEntry(ILogger logger, string kind, string? value, string what, uint lifetime);
}
