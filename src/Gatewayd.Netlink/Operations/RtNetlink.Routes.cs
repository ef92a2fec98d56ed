using Gatewayd.Netlink.Uapi;

namespace Gatewayd.Netlink;

public sealed partial class RtNetlink
{
    /// <summary>Lists routes.</summary>
    /// <param name="family">Only this family, or <see cref="InetFamily.Unspecified"/> for both.</param>
    /// <param name="table">Only this table, or null for all (including <c>local</c>).</param>
    /// <param name="cancellationToken">Cancels the dump.</param>
    /// <returns>The routes.</returns>
    public async Task<IReadOnlyList<RouteInfo>> DumpRoutesAsync(InetFamily family = InetFamily.Unspecified, uint? table = null, CancellationToken cancellationToken = default)
    {
        var writer = Writer(RtMessageType.GetRoute, DumpFlags);
        writer.Reserve(RtnetlinkConstants.RtmsgLength)[0] = (byte)family;
        if (table is { } id)
        {
            writer.WriteU32(RtnetlinkConstants.RtaTable, id); // honoured by the kernel under NETLINK_GET_STRICT_CHK
        }

        return await DumpAsync<RouteInfo>(
            writer.ToArray(),
            table is { } t ? $"RTM_GETROUTE dump {family} table {t}" : $"RTM_GETROUTE dump {family}",
            RouteInfo.TryParse,
            r => (family == InetFamily.Unspecified || r.Family == family) && (table is null || r.Table == table),
            cancellationToken);
    }

    /// <summary>Adds a route (<c>NLM_F_CREATE | NLM_F_EXCL</c>: EEXIST if an equal one is there).</summary>
    /// <param name="route">The route: family, destination and length, table, protocol, type, gateway, oif, metric, expiry.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the kernel has acknowledged.</returns>
    public Task AddRouteAsync(RouteInfo route, CancellationToken cancellationToken = default) =>
        ChangeRouteAsync(RtMessageType.NewRoute, CreateFlags, route, cancellationToken);

    /// <summary>Adds or replaces the route with the same destination, table, TOS and metric (<c>NLM_F_CREATE | NLM_F_REPLACE</c>).</summary>
    /// <param name="route">The route.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the kernel has acknowledged.</returns>
    public Task ReplaceRouteAsync(RouteInfo route, CancellationToken cancellationToken = default) =>
        ChangeRouteAsync(RtMessageType.NewRoute, ReplaceFlags, route, cancellationToken);

    /// <summary>Deletes a route (ESRCH when none matches).</summary>
    /// <param name="route">The route; set fields narrow the match (protocol, metric, oif, gateway).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the kernel has acknowledged.</returns>
    public Task DeleteRouteAsync(RouteInfo route, CancellationToken cancellationToken = default) =>
        ChangeRouteAsync(RtMessageType.DeleteRoute, AckFlags, route, cancellationToken);

    private async Task ChangeRouteAsync(RtMessageType type, NetlinkMessageFlags flags, RouteInfo route, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(route);
        await ExecuteAsync(route.ToMessage(type, flags), Name(type, route.Describe()), route.OutputInterface, n => Name(type, route.Describe(n)), cancellationToken);
    }
}
