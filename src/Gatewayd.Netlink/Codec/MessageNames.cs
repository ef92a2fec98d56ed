using Gatewayd.Netlink.Uapi;

namespace Gatewayd.Netlink;

/// <summary>Kernel names of message types, for error messages and logs.</summary>
public static class MessageNames
{
    /// <summary>The kernel's name for a message type, e.g. <c>RTM_NEWROUTE</c> or <c>NLMSG_ERROR</c>.</summary>
    /// <param name="type">The <c>nlmsg_type</c>.</param>
    /// <returns>The name, or the number when unknown.</returns>
    public static string Of(ushort type) => type switch
    {
        NetlinkConstants.NlmsgNoop => "NLMSG_NOOP",
        NetlinkConstants.NlmsgError => "NLMSG_ERROR",
        NetlinkConstants.NlmsgDone => "NLMSG_DONE",
        NetlinkConstants.NlmsgOverrun => "NLMSG_OVERRUN",
        RtnetlinkConstants.RtmNewLink => "RTM_NEWLINK",
        RtnetlinkConstants.RtmDelLink => "RTM_DELLINK",
        RtnetlinkConstants.RtmGetLink => "RTM_GETLINK",
        RtnetlinkConstants.RtmNewAddr => "RTM_NEWADDR",
        RtnetlinkConstants.RtmDelAddr => "RTM_DELADDR",
        RtnetlinkConstants.RtmGetAddr => "RTM_GETADDR",
        RtnetlinkConstants.RtmNewRoute => "RTM_NEWROUTE",
        RtnetlinkConstants.RtmDelRoute => "RTM_DELROUTE",
        RtnetlinkConstants.RtmGetRoute => "RTM_GETROUTE",
        RtnetlinkConstants.RtmNewRule => "RTM_NEWRULE",
        RtnetlinkConstants.RtmDelRule => "RTM_DELRULE",
        RtnetlinkConstants.RtmGetRule => "RTM_GETRULE",
        _ => $"nlmsg_type {type}",
    };

    /// <summary>The kernel's name for a message type.</summary>
    /// <param name="type">The rtnetlink type.</param>
    /// <returns>The name, e.g. <c>RTM_NEWROUTE</c>.</returns>
    public static string Of(RtMessageType type) => Of((ushort)type);
}
