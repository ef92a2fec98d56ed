using Gatewayd.Netlink;
using Gatewayd.Planning;

namespace Gatewayd.Reconcile;

/// <summary>
/// The pure half of the reconciler: from the plan and a snapshot of what gatewayd owns, the changes to make, in an order that
/// is safe to apply one by one (DESIGN "Ownership on the system"):
/// <list type="number">
/// <item>stale routes, then a stale nft table: traffic stops entering what is about to go;</item>
/// <item>the tunnel (create or modify, MTU, up);</item>
/// <item>missing addresses (the CE /128 on the WAN, IPv4 on the tunnel, LAN /64s);</item>
/// <item>the nft table;</item>
/// <item>missing routes: the IPv4 default route into the tunnel only now, after the SNAT that must cover it;</item>
/// <item>stale addresses, after their replacements (make before break on a prefix change);</item>
/// <item>a stale tunnel, last.</item>
/// </list>
/// A plan applied to a kernel that already matches gives only <see cref="EnsureRuleset"/>, which writes nothing then.
/// </summary>
internal static class ReconcileDiff
{
    public static IReadOnlyList<ReconcileAction> Compute(DesiredNetwork desired, KernelSnapshot current, ReconcilerOptions options)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(options);

        var tunnel = desired.Tunnel;

        // DS-Lite before its AFTR resolves: no remote, so no tunnel, and nothing that would live on it.
        var tunnelWanted = tunnel is { Remote: not null };
        var tunnelDevice = desired.Ruleset?.TunnelInterface ?? tunnel?.Name;
        bool OnMissingTunnel(string? device) => tunnel is not null && !tunnelWanted && device == tunnel.Name;
        var addresses = desired.Addresses.Where(a => !OnMissingTunnel(a.Interface)).ToList();
        var routes = desired.Routes.Where(r => !OnMissingTunnel(r.Device)).ToList();

        var (addAddresses, staleAddresses) = DiffAddresses(addresses, current, tunnelDevice);
        var (addRoutes, staleRoutes) = DiffRoutes(routes, current, tunnelDevice);

        var actions = new List<ReconcileAction>();
        actions.AddRange(staleRoutes);
        if (desired.Ruleset is null && current.NftTablePresent != false)
            actions.Add(new DeleteRuleset(options.NftTableName));
        if (tunnelWanted)
            actions.AddRange(DiffTunnel(tunnel!, current));
        actions.AddRange(addAddresses);
        if (desired.Ruleset is { } ruleset)
            actions.Add(new EnsureRuleset(ruleset));
        actions.AddRange(addRoutes);
        actions.AddRange(staleAddresses);
        var tunnelNames = tunnel is null ? options.TunnelNames : [.. options.TunnelNames, tunnel.Name];
        actions.AddRange(StaleTunnels(tunnelWanted ? tunnel!.Name : null, tunnelNames, current));
        return actions;
    }

    private static (List<ReconcileAction> Add, List<ReconcileAction> Stale) DiffAddresses(
        IReadOnlyList<AddressSpec> wanted, KernelSnapshot current, string? tunnelDevice)
    {
        var kept = new HashSet<AddressInfo>(ReferenceEqualityComparer.Instance);
        var add = new List<ReconcileAction>();
        foreach (var spec in wanted)
        {
            var match = current.IndexOf(spec.Interface) is { } index
                ? current.Addresses.FirstOrDefault(a => KernelObjects.IsAddress(a, spec, index))
                : null;
            if (match is null)
                add.Add(new AddAddress(spec, spec.Interface == tunnelDevice));
            else
                kept.Add(match);
        }
        var stale = current.Addresses.Where(a => !kept.Contains(a))
            .Select(a => (ReconcileAction)new DeleteAddress(a, NameOf(current, a.Index))).ToList();
        return (add, stale);
    }

    private static (List<ReconcileAction> Add, List<ReconcileAction> Stale) DiffRoutes(
        IReadOnlyList<RouteSpec> wanted, KernelSnapshot current, string? tunnelDevice)
    {
        var kept = new HashSet<RouteInfo>(ReferenceEqualityComparer.Instance);
        var add = new List<ReconcileAction>();
        foreach (var spec in wanted)
        {
            RouteInfo? match = null;
            var device = current.IndexOf(spec.Device);

            // A route whose device or table cannot be resolved matches nothing: adding it fails and says why.
            if ((spec.Device is null || device is not null) && KernelObjects.TryTable(spec.Table, out var table))
            {
                var route = KernelObjects.Route(spec, device, table);
                match = current.Routes.FirstOrDefault(r => !kept.Contains(r) && KernelObjects.IsRoute(r, route));
            }
            if (match is null)
                add.Add(new AddRoute(spec, spec.Device is not null && spec.Device == tunnelDevice));
            else
                kept.Add(match);
        }
        var stale = current.Routes.Where(r => !kept.Contains(r))
            .Select(r => (ReconcileAction)new DeleteRoute(r, NameOf(current, r.OutputInterface))).ToList();
        return (add, stale);
    }

    private static IEnumerable<ReconcileAction> DiffTunnel(TunnelSpec spec, KernelSnapshot current)
    {
        var link = current.Links.FirstOrDefault(l => l.Name == spec.Name);
        if (link is null)
        {
            yield return new CreateTunnel(spec);
            yield break;
        }
        if (link.Kind != spec.Kind)
        {
            yield return new TunnelNameTaken(spec.Name, link.Kind);
            yield break;
        }

        // An underlay that is missing compares unequal, and the modify then fails naming it.
        var wanted = KernelObjects.Tunnel(spec, current.IndexOf(spec.Underlay) ?? 0);
        if (!KernelObjects.SameTunnel(link.Ip6Tunnel, wanted))
            yield return new ModifyTunnel(spec, link.Index);
        else if (link.Mtu != (uint)spec.Mtu)
            yield return new SetTunnelMtu(spec.Name, link.Index, spec.Mtu);
        if (!link.Flags.HasFlag(LinkFlags.Up))
            yield return new SetTunnelUp(spec.Name, link.Index);
    }

    /// <summary>Only ip6tnl links under a name gatewayd uses: a veth or a user's link of that name is never deleted.</summary>
    private static IEnumerable<ReconcileAction> StaleTunnels(string? wantedName, IReadOnlyCollection<string> ownedNames, KernelSnapshot current) =>
        current.Links
            .Where(l => l.Kind == "ip6tnl" && l.Name is not null && l.Name != wantedName && ownedNames.Contains(l.Name))
            .Select(l => new DeleteTunnel(l.Name!, l.Index));

    private static string? NameOf(KernelSnapshot current, int? index) =>
        index is null ? null : current.Links.FirstOrDefault(l => l.Index == index)?.Name;
}
