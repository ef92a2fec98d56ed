namespace Gatewayd.Netlink;

/// <summary>One request message and the name of what it does, for errors.</summary>
/// <param name="Message">The encoded message (sequence number 0; the connection fills it in).</param>
/// <param name="Operation">What the request does, naming the kernel object: <c>RTM_NEWADDR 2001:db8::1/128 dev wan0</c>.</param>
public sealed record NetlinkRequest(ReadOnlyMemory<byte> Message, string Operation)
{
    /// <summary>The request's header.</summary>
    public NetlinkHeader Header => NetlinkHeader.TryRead(Message.Span, out var h) ? h : default;

    /// <summary>True when the request is a dump (answered by a multipart reply).</summary>
    public bool IsDump => (Header.Flags & NetlinkMessageFlags.Dump) == NetlinkMessageFlags.Dump;
}
