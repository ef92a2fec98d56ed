using System.Diagnostics.CodeAnalysis;
using Gatewayd.Netlink.Uapi;

namespace Gatewayd.Netlink;

/// <summary>A change the kernel announced on an rtnetlink multicast group, or an overrun.</summary>
public abstract record RtNetlinkEvent
{
    private protected RtNetlinkEvent()
    {
    }

    /// <summary>Decodes one multicast message into an event.</summary>
    /// <param name="message">The whole message, netlink header included.</param>
    /// <param name="value">The event.</param>
    /// <param name="error">Why decoding failed (<see cref="NetlinkParseErrorKind.UnexpectedMessageType"/> for types that are not events).</param>
    /// <returns>False on malformed or unknown messages; never throws.</returns>
    public static bool TryParse(ReadOnlySpan<byte> message, [NotNullWhen(true)] out RtNetlinkEvent? value, out NetlinkParseError error)
    {
        value = null;
        if (!NetlinkHeader.TryRead(message, out var header))
        {
            error = new NetlinkParseError(NetlinkParseErrorKind.Truncated, 0, $"{message.Length} bytes, a netlink header needs {NetlinkHeader.Size}");
            return false;
        }

        var removed = header.Type is RtnetlinkConstants.RtmDelLink or RtnetlinkConstants.RtmDelAddr
            or RtnetlinkConstants.RtmDelRoute or RtnetlinkConstants.RtmDelRule;
        switch (header.Type)
        {
            case RtnetlinkConstants.RtmNewLink or RtnetlinkConstants.RtmDelLink:
                if (LinkInfo.TryParse(message, out var link, out error))
                {
                    value = new LinkEvent(link, removed);
                }

                break;
            case RtnetlinkConstants.RtmNewAddr or RtnetlinkConstants.RtmDelAddr:
                if (AddressInfo.TryParse(message, out var address, out error))
                {
                    value = new AddressEvent(address, removed);
                }

                break;
            case RtnetlinkConstants.RtmNewRoute or RtnetlinkConstants.RtmDelRoute:
                if (RouteInfo.TryParse(message, out var route, out error))
                {
                    value = new RouteEvent(route, removed);
                }

                break;
            case RtnetlinkConstants.RtmNewRule or RtnetlinkConstants.RtmDelRule:
                if (RuleInfo.TryParse(message, out var rule, out error))
                {
                    value = new RuleEvent(rule, removed);
                }

                break;
            default:
                error = new NetlinkParseError(NetlinkParseErrorKind.UnexpectedMessageType, 4, $"{MessageNames.Of(header.Type)} is not an rtnetlink event");
                break;
        }

        return value is not null;
    }
}

/// <summary>A link appeared, changed (<c>RTM_NEWLINK</c>) or went away (<c>RTM_DELLINK</c>).</summary>
/// <param name="Link">The link as the kernel reported it.</param>
/// <param name="Removed">True for <c>RTM_DELLINK</c>.</param>
public sealed record LinkEvent(LinkInfo Link, bool Removed) : RtNetlinkEvent;

/// <summary>An address was added or changed (<c>RTM_NEWADDR</c>) or removed (<c>RTM_DELADDR</c>).</summary>
/// <param name="Address">The address.</param>
/// <param name="Removed">True for <c>RTM_DELADDR</c>.</param>
public sealed record AddressEvent(AddressInfo Address, bool Removed) : RtNetlinkEvent;

/// <summary>A route was added or replaced (<c>RTM_NEWROUTE</c>) or removed (<c>RTM_DELROUTE</c>).</summary>
/// <param name="Route">The route.</param>
/// <param name="Removed">True for <c>RTM_DELROUTE</c>.</param>
public sealed record RouteEvent(RouteInfo Route, bool Removed) : RtNetlinkEvent;

/// <summary>A policy rule was added (<c>RTM_NEWRULE</c>) or removed (<c>RTM_DELRULE</c>).</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Removed">True for <c>RTM_DELRULE</c>.</param>
public sealed record RuleEvent(RuleInfo Rule, bool Removed) : RtNetlinkEvent;

/// <summary>The socket's receive buffer overflowed (<c>ENOBUFS</c>): events were lost, so re-dump everything.</summary>
public sealed record OverrunEvent : RtNetlinkEvent;
