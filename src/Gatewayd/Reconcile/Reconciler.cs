using System.Diagnostics;
using Gatewayd.Netlink;
using Gatewayd.Planning;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gatewayd.Reconcile;

/// <summary>
/// Makes the kernel match a <see cref="DesiredNetwork"/>, touching only what gatewayd owns: routes and addresses with its
/// protocol number, the tunnel link of the plan (an ip6tnl under a gatewayd tunnel name), and <c>table inet gatewayd</c>.
/// Each call dumps the kernel, diffs (<see cref="ReconcileDiff"/>) and applies; a second call with the same plan writes nothing.
/// Not thread-safe: the daemon calls it from its one serialized loop.
/// </summary>
internal sealed class Reconciler(RtNetlink rtnl, INftTable nft, ReconcilerOptions? options = null, ILogger? log = null)
{
    private readonly ReconcilerOptions _options = options ?? new ReconcilerOptions();
    private readonly ILogger _log = log ?? NullLogger.Instance;

    public async Task<ReconcileResult> ReconcileAsync(DesiredNetwork desired, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(desired);
        var clock = Stopwatch.StartNew();
        var readFailures = new List<ReconcileFailure>();
        KernelSnapshot snapshot;
        try
        {
            snapshot = await KernelSnapshot.ReadAsync(rtnl, nft, desired, _options, readFailures, cancellationToken);
        }
        catch (NetlinkException e)
        {
            // Without a snapshot any change could hit the wrong object: do nothing this round.
            _log.LogWarning("reconcile: reading the kernel failed: {Error}", e.Message);
            return new ReconcileResult([], [], [new ReconcileFailure(null, "kernel snapshot", e.Message)], clock.Elapsed);
        }

        var actions = ReconcileDiff.Compute(desired, snapshot, _options);
        var runner = new ActionRunner(rtnl, nft, snapshot, _log);
        foreach (var action in actions)
            await runner.RunAsync(action, cancellationToken);
        return new ReconcileResult(actions, runner.Applied, [.. readFailures, .. runner.Failures], clock.Elapsed);
    }
}
