namespace Gatewayd.Netlink;

/// <summary>How to open a <see cref="NetlinkSocket"/>.</summary>
public sealed record NetlinkSocketOptions
{
    /// <summary>Legacy multicast group bit mask for <c>bind</c> (<c>RTMGRP_*</c>); 0 for a request socket.</summary>
    public uint Groups { get; init; }

    /// <summary>Group numbers to join with <c>NETLINK_ADD_MEMBERSHIP</c> (<c>RTNLGRP_*</c>, for groups beyond the bit mask's reach).</summary>
    public IReadOnlyList<int> Memberships { get; init; } = [];

    /// <summary><c>SO_RCVBUF</c> in bytes (tried as <c>SO_RCVBUFFORCE</c> first, which root may exceed <c>rmem_max</c> with); null keeps the default.</summary>
    public int? ReceiveBufferSize { get; init; }

    /// <summary><c>NETLINK_EXT_ACK</c>: let the kernel explain errors in text.</summary>
    public bool ExtendedAck { get; init; } = true;

    /// <summary><c>NETLINK_GET_STRICT_CHK</c>: strict header checks, and dump filters honoured by the kernel.</summary>
    public bool StrictCheck { get; init; } = true;
}
