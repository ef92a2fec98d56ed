using Gatewayd.Netlink.Uapi;

namespace Gatewayd.Netlink;

public sealed partial class RtNetlink
{
    /// <summary>Lists every link in the namespace.</summary>
    /// <param name="cancellationToken">Cancels the dump.</param>
    /// <returns>The links.</returns>
    public async Task<IReadOnlyList<LinkInfo>> DumpLinksAsync(CancellationToken cancellationToken = default) =>
        await DumpAsync<LinkInfo>(FamilyDump(RtMessageType.GetLink, LinkConstants.IfinfomsgLength, InetFamily.Unspecified), "RTM_GETLINK dump", LinkInfo.TryParse, _ => true, cancellationToken);

    /// <summary>Looks a link up by name.</summary>
    /// <param name="name">The interface name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The link, or null when there is none (ENODEV).</returns>
    public Task<LinkInfo?> GetLinkAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        var request = new LinkInfo { Name = name }.ToMessage(RtMessageType.GetLink, AckFlags);
        return GetLinkAsync(request, $"RTM_GETLINK {name}", cancellationToken);
    }

    /// <summary>Looks a link up by index.</summary>
    /// <param name="index">The interface index.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The link, or null when there is none (ENODEV).</returns>
    public Task<LinkInfo?> GetLinkAsync(int index, CancellationToken cancellationToken = default)
    {
        var request = new LinkInfo { Index = index }.ToMessage(RtMessageType.GetLink, AckFlags);
        return GetLinkAsync(request, $"RTM_GETLINK #{index}", cancellationToken);
    }

    /// <summary>Creates a link (<c>RTM_NEWLINK</c> with <c>NLM_F_CREATE | NLM_F_EXCL</c>), e.g. from <see cref="Ip6TunnelLink"/>.</summary>
    /// <param name="link">The link; <see cref="LinkInfo.Kind"/> and <see cref="LinkInfo.Name"/> are required.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the kernel has acknowledged.</returns>
    /// <exception cref="NetlinkException">E.g. EEXIST, or EOPNOTSUPP "Unknown device type" on a kernel without the driver.</exception>
    public async Task AddLinkAsync(LinkInfo link, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(link);
        var operation = Name(RtMessageType.NewLink, DescribeNewLink(link));
        await ExecuteAsync(link.ToMessage(RtMessageType.NewLink, CreateFlags), operation, null, _ => operation, cancellationToken);
    }

    /// <summary>
    /// Changes an existing link in place (<c>RTM_NEWLINK</c> on <see cref="LinkInfo.Index"/>, without create or replace flags),
    /// e.g. new tunnel endpoints or MTU. For ip6tnl send the complete <see cref="Ip6TunnelInfo"/>: the kernel resets fields left out.
    /// </summary>
    /// <param name="link">The link with its index, kind and new parameters.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the kernel has acknowledged.</returns>
    public async Task ModifyLinkAsync(LinkInfo link, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(link);
        var operation = Name(RtMessageType.NewLink, DescribeNewLink(link));
        await ExecuteAsync(link.ToMessage(RtMessageType.NewLink, AckFlags), operation, link.Index, n => Name(RtMessageType.NewLink, DescribeNewLink(link with { Name = n })), cancellationToken);
    }

    /// <summary>Deletes a link.</summary>
    /// <param name="index">The interface index.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the kernel has acknowledged.</returns>
    public async Task DeleteLinkAsync(int index, CancellationToken cancellationToken = default)
    {
        var request = new LinkInfo { Index = index }.ToMessage(RtMessageType.DeleteLink, AckFlags);
        await ExecuteAsync(request, $"RTM_DELLINK #{index}", index, n => $"RTM_DELLINK {n}", cancellationToken);
    }

    /// <summary>Sets a link administratively up or down (<c>IFF_UP</c>).</summary>
    /// <param name="index">The interface index.</param>
    /// <param name="up">True for up.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the kernel has acknowledged.</returns>
    public async Task SetLinkUpAsync(int index, bool up = true, CancellationToken cancellationToken = default)
    {
        var request = new LinkInfo { Index = index, Flags = up ? LinkFlags.Up : LinkFlags.None, ChangeMask = LinkFlags.Up }
            .ToMessage(RtMessageType.NewLink, AckFlags);
        var state = up ? "up" : "down";
        await ExecuteAsync(request, $"RTM_NEWLINK #{index} {state}", index, n => $"RTM_NEWLINK {n} {state}", cancellationToken);
    }

    /// <summary>Sets a link's MTU.</summary>
    /// <param name="index">The interface index.</param>
    /// <param name="mtu">The MTU.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the kernel has acknowledged.</returns>
    public async Task SetMtuAsync(int index, uint mtu, CancellationToken cancellationToken = default)
    {
        var request = new LinkInfo { Index = index, Mtu = mtu }.ToMessage(RtMessageType.NewLink, AckFlags);
        await ExecuteAsync(request, $"RTM_NEWLINK #{index} mtu {mtu}", index, n => $"RTM_NEWLINK {n} mtu {mtu}", cancellationToken);
    }

    /// <summary>The link to create (or, with an index, change) for an ip6tnl tunnel such as MAP-E's or DS-Lite's.</summary>
    /// <param name="name">The interface name, e.g. <c>mape0</c>.</param>
    /// <param name="tunnel">Endpoints, underlying link, hop limit, encapsulation limit and protocol.</param>
    /// <param name="mtu">The MTU, or null for the kernel's default.</param>
    /// <param name="index">0 to create; the existing index to change.</param>
    /// <returns>The link description.</returns>
    public static LinkInfo Ip6TunnelLink(string name, Ip6TunnelInfo tunnel, uint? mtu = null, int index = 0) =>
        new() { Index = index, Name = name, Mtu = mtu, Kind = LinkConstants.KindIp6Tnl, Ip6Tunnel = tunnel };

    private async Task<LinkInfo?> GetLinkAsync(byte[] request, string operation, CancellationToken cancellationToken)
    {
        NetlinkReply reply;
        try
        {
            reply = await _connection.ExecuteAsync(new NetlinkRequest(request, operation), cancellationToken);
        }
        catch (NetlinkException e) when (e.Errno == Errno.ENODEV)
        {
            return null;
        }

        foreach (var message in reply.Messages)
        {
            if (LinkInfo.TryParse(message.Span, out var link, out var error))
            {
                return link;
            }

            ThrowHelper.ThrowMalformed(operation, error);
        }

        return null;
    }

    private static string DescribeNewLink(LinkInfo link)
    {
        var text = link.Describe();
        if (link.Kind is not null)
        {
            text += $" type {link.Kind}";
        }

        if (link.Ip6Tunnel is { } tunnel)
        {
            text += $" remote {tunnel.Remote} local {tunnel.Local}";
        }

        return link.Mtu is { } mtu ? $"{text} mtu {mtu}" : text;
    }
}
