using Gatewayd.Daemon;
using Gatewayd.Netlink;
using Gatewayd.Nftables;
using Gatewayd.Planning;

namespace Gatewayd.Reconcile;

/// <summary>
/// What the kernel holds that the diff needs: every link (names resolve to indexes, and a tunnel's name may be taken by
/// something that is not ours), and only the owned addresses and routes. Plain data, so diff tests build it by hand.
/// </summary>
/// <param name="Links">Every link in the namespace.</param>
/// <param name="Addresses">Addresses with gatewayd's IFA_PROTO.</param>
/// <param name="Routes">Routes with gatewayd's protocol in the tables gatewayd uses, except the WAN RA default route.</param>
/// <param name="NftTablePresent">Whether gatewayd's nft table exists; null when not read (the plan has a ruleset, whose
/// apply compares the table itself, or nft could not be asked).</param>
internal sealed record KernelSnapshot(
    IReadOnlyList<LinkInfo> Links,
    IReadOnlyList<AddressInfo> Addresses,
    IReadOnlyList<RouteInfo> Routes,
    bool? NftTablePresent)
{
    public static KernelSnapshot Empty { get; } = new([], [], [], false);

    /// <summary>Index of the link named <paramref name="name"/>, if there is one.</summary>
    public int? IndexOf(string? name) => name is null ? null : Links.FirstOrDefault(l => l.Name == name)?.Index;

    /// <summary>Dumps links, addresses and routes (one route dump per table), and asks nft only when the plan has no ruleset.</summary>
    /// <exception cref="NetlinkException">A dump failed.</exception>
    public static async Task<KernelSnapshot> ReadAsync(RtNetlink rtnl, INftTable nft, DesiredNetwork desired, ReconcilerOptions options,
        ICollection<ReconcileFailure> failures, CancellationToken cancellationToken)
    {
        var links = await rtnl.DumpLinksAsync(cancellationToken);
        var addresses = (await rtnl.DumpAddressesAsync(cancellationToken: cancellationToken))
            .Where(a => a.Protocol == Ownership.AddressProtocol).ToList();
        var routes = new List<RouteInfo>();
        foreach (var table in OwnedTables(desired))
        {
            routes.AddRange((await rtnl.DumpRoutesAsync(InetFamily.Unspecified, table, cancellationToken))
                .Where(r => r.Protocol == Ownership.RouteProtocol && !IsWanRouterRoute(r)));
        }
        bool? nftPresent = null;
        if (desired.Ruleset is null)
        {
            try
            {
                nftPresent = await nft.ExistsAsync(options.NftTableName, cancellationToken);
            }
            catch (NftException e)
            {
                failures.Add(new ReconcileFailure(null, $"nft table inet {options.NftTableName}", e.Message));
            }
        }
        return new KernelSnapshot(links, addresses, routes, nftPresent);
    }

    /// <summary>
    /// The IPv6 default route <see cref="WanRouter"/> keeps from the WAN RAs carries our protocol too, but it follows RAs, not
    /// the plan: the reconciler must neither count it as stale nor delete it.
    /// </summary>
    public static bool IsWanRouterRoute(RouteInfo route) =>
        route.Family == InetFamily.IPv6 && route.DestinationLength == 0 && route.Gateway is not null
        && route.Priority == Ownership.RaDefaultRouteMetric;

    /// <summary>main always (an empty plan must still find what an earlier one left there), plus any table a route names.</summary>
    private static SortedSet<uint> OwnedTables(DesiredNetwork desired)
    {
        var tables = new SortedSet<uint> { RouteInfo.MainTable };
        foreach (var route in desired.Routes)
        {
            if (KernelObjects.TryTable(route.Table, out var id))
                tables.Add(id);
        }
        return tables;
    }
}
