using Gatewayd.Netlink;
using Gatewayd.Nftables;
using Microsoft.Extensions.Logging;

namespace Gatewayd.Reconcile;

/// <summary>
/// Applies one reconcile's actions in order. A failed step is recorded and the run goes on, except for what depends on it:
/// nothing goes onto a tunnel that could not be made, and no route goes into the tunnel unless the nft table was ensured
/// in this run (an IPv4 default route without its SNAT would leak private source addresses to the BR).
/// </summary>
internal sealed class ActionRunner(RtNetlink rtnl, INftTable nft, KernelSnapshot snapshot, ILogger log)
{
    private readonly Dictionary<string, int> _indexes = snapshot.Links
        .Where(l => l.Name is not null).GroupBy(l => l.Name!).ToDictionary(g => g.Key, g => g.First().Index);

    private readonly List<ReconcileAction> _applied = [];
    private readonly List<ReconcileFailure> _failures = [];
    private bool _tunnelFailed;
    private string? _nftNotReady = "the plan has no nft ruleset";

    public IReadOnlyList<ReconcileAction> Applied => _applied;

    public IReadOnlyList<ReconcileFailure> Failures => _failures;

    public async Task RunAsync(ReconcileAction action, CancellationToken cancellationToken)
    {
        if (BlockedBy(action) is { } reason)
        {
            _failures.Add(new ReconcileFailure(action, action.Object, $"skipped: {reason}", Skipped: true));
            log.LogWarning("reconcile: {Action} skipped: {Reason}", action, reason);
            return;
        }
        try
        {
            if (await ApplyAsync(action, cancellationToken))
            {
                _applied.Add(action);
                log.LogInformation("reconcile: {Action}", action);
            }
            if (action is EnsureRuleset)
                _nftNotReady = null;
        }
        catch (Exception e) when (e is NetlinkException or NftException or ReconcileStepException or ArgumentException)
        {
            _failures.Add(new ReconcileFailure(action, action.Object, e.Message));
            log.LogWarning("reconcile: {Action} failed: {Error}", action, e.Message);
            if (action is CreateTunnel or ModifyTunnel or SetTunnelMtu or SetTunnelUp or TunnelNameTaken)
                _tunnelFailed = true;
            if (action is EnsureRuleset)
                _nftNotReady = "the nft table failed";
        }
    }

    private string? BlockedBy(ReconcileAction action) => action switch
    {
        AddAddress { OnTunnel: true } when _tunnelFailed => "the tunnel failed",
        AddRoute { IntoTunnel: true } when _tunnelFailed => "the tunnel failed",
        AddRoute { IntoTunnel: true } when _nftNotReady is not null => _nftNotReady,
        _ => null,
    };

    /// <summary>Performs the step; false when it turned out to change nothing.</summary>
    private async Task<bool> ApplyAsync(ReconcileAction action, CancellationToken ct)
    {
        switch (action)
        {
            case CreateTunnel create:
                await CreateTunnelAsync(create, ct);
                return true;
            case ModifyTunnel modify:
                var info = KernelObjects.Tunnel(modify.Spec, Index(modify.Spec.Underlay));
                await rtnl.ModifyLinkAsync(RtNetlink.Ip6TunnelLink(modify.Spec.Name, info, (uint)modify.Spec.Mtu, modify.Index), ct);
                return true;
            case SetTunnelMtu mtu:
                await rtnl.SetMtuAsync(mtu.Index, (uint)mtu.Mtu, ct);
                return true;
            case SetTunnelUp up:
                await rtnl.SetLinkUpAsync(up.Index, true, ct);
                return true;
            case TunnelNameTaken taken:
                throw new ReconcileStepException($"{taken.Name} exists and is {(taken.Kind is null ? "a device without a kind" : $"a {taken.Kind}")}, not an ip6tnl; gatewayd leaves it alone");
            case DeleteTunnel delete:
                await rtnl.DeleteLinkAsync(delete.Index, ct);
                _indexes.Remove(delete.Name);
                return true;
            case AddAddress add:
                await rtnl.AddAddressAsync(KernelObjects.Address(add.Spec, Index(add.Spec.Interface)), ct);
                return true;
            case DeleteAddress delete:
                await rtnl.DeleteAddressAsync(KernelObjects.AddressToDelete(delete.Current), ct);
                return true;
            case EnsureRuleset ensure:
                return await nft.EnsureAsync(ensure.Ruleset, ct);
            case DeleteRuleset delete:
                await nft.DeleteAsync(delete.TableName, ct);
                return true;
            case AddRoute add:
                await rtnl.AddRouteAsync(RouteFor(add), ct);
                return true;
            case DeleteRoute delete:
                await rtnl.DeleteRouteAsync(KernelObjects.RouteToDelete(delete.Current), ct);
                return true;
            default:
                throw new ArgumentException($"unknown reconcile action {action.GetType().Name}", nameof(action));
        }
    }

    private async Task CreateTunnelAsync(CreateTunnel create, CancellationToken ct)
    {
        var spec = create.Spec;
        var info = KernelObjects.Tunnel(spec, Index(spec.Underlay));
        await rtnl.AddLinkAsync(RtNetlink.Ip6TunnelLink(spec.Name, info, (uint)spec.Mtu), ct);

        // The create does not answer with the index; the addresses and routes that follow need it.
        var link = await rtnl.GetLinkAsync(spec.Name, ct)
            ?? throw new ReconcileStepException($"{spec.Name} was created but cannot be found");
        _indexes[spec.Name] = link.Index;
        await rtnl.SetLinkUpAsync(link.Index, true, ct);
    }

    private RouteInfo RouteFor(AddRoute add)
    {
        var spec = add.Spec;
        if (!KernelObjects.TryTable(spec.Table, out var table))
            throw new ReconcileStepException($"route table '{spec.Table}' is neither a number nor main, default or local");
        return KernelObjects.Route(spec, spec.Device is null ? null : Index(spec.Device), table);
    }

    private int Index(string name) =>
        _indexes.TryGetValue(name, out var index) ? index : throw new ReconcileStepException($"there is no interface named {name}");
}
