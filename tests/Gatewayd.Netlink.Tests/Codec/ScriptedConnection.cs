namespace Gatewayd.Netlink.Tests.Codec;

/// <summary>An in-memory <see cref="INetlinkConnection"/>: records each request and answers from a script.</summary>
internal sealed class ScriptedConnection(Func<NetlinkRequest, NetlinkReply> answer) : INetlinkConnection
{
    public List<NetlinkRequest> Requests { get; } = [];

    public Task<NetlinkReply> ExecuteAsync(NetlinkRequest request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        return Task.FromResult(answer(request));
    }

    public void Dispose()
    {
    }

    public static NetlinkReply Reply(params byte[][] messages) => new([.. messages.Select(m => (ReadOnlyMemory<byte>)m)], Interrupted: false);
}
