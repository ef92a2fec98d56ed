namespace Gatewayd.Netlink;

/// <summary>
/// Request/reply over rtnetlink: send one request, collect its replies. <see cref="NetlinkConnection"/> talks to the kernel;
/// tests can stand in an in-memory twin that decodes requests with the same codecs.
/// </summary>
public interface INetlinkConnection : IDisposable
{
    /// <summary>Sends <paramref name="request"/> and waits for its answer.</summary>
    /// <param name="request">The request; the connection assigns the sequence number.</param>
    /// <param name="cancellationToken">Cancels the wait (late replies are then ignored by sequence number).</param>
    /// <returns>
    /// For a dump (<see cref="NetlinkMessageFlags.Dump"/>): every message up to <c>NLMSG_DONE</c>. Otherwise the replies
    /// before the acknowledgement (e.g. the one <c>RTM_NEWLINK</c> answering a GET), usually none.
    /// </returns>
    /// <exception cref="NetlinkException">The kernel answered with an errno, or the reply was malformed.</exception>
    Task<NetlinkReply> ExecuteAsync(NetlinkRequest request, CancellationToken cancellationToken);
}
