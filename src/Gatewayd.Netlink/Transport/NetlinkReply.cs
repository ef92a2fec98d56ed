namespace Gatewayd.Netlink;

/// <summary>The messages answering one request.</summary>
/// <param name="Messages">Each message whole (netlink header included), in arrival order; <c>NLMSG_DONE</c> and ACKs left out.</param>
/// <param name="Interrupted">True when any part carried <c>NLM_F_DUMP_INTR</c>: the dump may mix states and should be repeated.</param>
public sealed record NetlinkReply(IReadOnlyList<ReadOnlyMemory<byte>> Messages, bool Interrupted);
