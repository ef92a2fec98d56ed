namespace Gatewayd.Netlink;

/// <summary>rtnetlink message types this library speaks (linux/rtnetlink.h <c>RTM_*</c>).</summary>
#pragma warning disable CA1028 // The wire field is 16 bits.
public enum RtMessageType : ushort
#pragma warning restore CA1028
{
    /// <summary><c>RTM_NEWLINK</c>.</summary>
    NewLink = 16,

    /// <summary><c>RTM_DELLINK</c>.</summary>
    DeleteLink = 17,

    /// <summary><c>RTM_GETLINK</c>.</summary>
    GetLink = 18,

    /// <summary><c>RTM_NEWADDR</c>.</summary>
    NewAddress = 20,

    /// <summary><c>RTM_DELADDR</c>.</summary>
    DeleteAddress = 21,

    /// <summary><c>RTM_GETADDR</c>.</summary>
    GetAddress = 22,

    /// <summary><c>RTM_NEWROUTE</c>.</summary>
    NewRoute = 24,

    /// <summary><c>RTM_DELROUTE</c>.</summary>
    DeleteRoute = 25,

    /// <summary><c>RTM_GETROUTE</c>.</summary>
    GetRoute = 26,

    /// <summary><c>RTM_NEWRULE</c>.</summary>
    NewRule = 32,

    /// <summary><c>RTM_DELRULE</c>.</summary>
    DeleteRule = 33,

    /// <summary><c>RTM_GETRULE</c>.</summary>
    GetRule = 34,
}
