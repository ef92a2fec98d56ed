using System.Net;
using System.Threading.Channels;
using Gatewayd.Config;
using Gatewayd.Dhcp;
using Gatewayd.Dhcp6.Client;
using Gatewayd.Ndp;
using Gatewayd.Planning;
using Gatewayd.Reconcile;
using Microsoft.Extensions.Logging;

namespace Gatewayd.Daemon;

/// <summary>
/// The serialized loop of DESIGN.md: lease, RA and timer inputs update one snapshot; each round plans from it and
/// reconciles the kernel. Inputs that arrive together are handled as one round, so a burst costs one reconcile.
/// </summary>
internal sealed class NetworkLoop(GatewaydConfig config, Reconciler reconciler, ILogger log)
{
    /// <summary>How often the kernel is checked when nothing happens (repairs an nft flush or a deleted route).</summary>
    public static readonly TimeSpan SlowTimer = TimeSpan.FromSeconds(30);

    private readonly Channel<DaemonInput> _inputs = Channel.CreateUnbounded<DaemonInput>(new UnboundedChannelOptions { SingleReader = true });
    private Dhcp6Lease? _lease;
    private IPNetwork? _raPrefix;
    private string? _lastPlanLine;

    public ChannelWriter<DaemonInput> Inputs => _inputs.Writer;

    /// <summary>
    /// Starts from the stored lease, so the first round after a restart plans what the last process programmed and
    /// changes nothing, instead of planning "no prefix" and tearing the network down until DHCPv6 catches up.
    /// </summary>
    public void Seed(Dhcp6Lease? storedLease) => _lease = storedLease;

    public async Task RunAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(SlowTimer);
        var ticking = TickAsync(timer, stop);
        try
        {
            while (await _inputs.Reader.WaitToReadAsync(stop))
            {
                while (_inputs.Reader.TryRead(out var input))
                    Absorb(input);
                await ReconcileAsync(stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        await ticking;
    }

    private async Task TickAsync(PeriodicTimer timer, CancellationToken stop)
    {
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
                _inputs.Writer.TryWrite(new TickInput());
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private void Absorb(DaemonInput input)
    {
        switch (input)
        {
            case LeaseInput { Event: PrefixAcquired e }:
                _lease = e.Lease;
                break;
            case LeaseInput { Event: PrefixRenewed e }:
                _lease = e.Lease;
                break;
            case LeaseInput { Event: PrefixChanged e }:
                _lease = e.Lease;
                break;
            case LeaseInput { Event: PrefixLost }:
                _lease = null;
                break;
            case RouterInput { Event: OnLinkPrefixesChanged e }:
                // On a line with no PD (RA /64 only), MAP-E is computed from the RA's /64.
                _raPrefix = e.Prefixes.Select(p => p.Prefix).FirstOrDefault(p => p.PrefixLength == 64);
                break;
        }
    }

    private async Task ReconcileAsync(CancellationToken stop)
    {
        var plan = Planner.Plan(new PlanInput(config, DelegatedPrefix: _lease?.PrimaryPrefix, RaPrefix: _raPrefix,
            ServerMapRules: ServerMapRules.From(_lease?.MapE)));
        if (plan.Softwire?.MapE is { } m)
        {
            var line = $"plan: MAP-E {m.Ipv4Address} PSID {m.Psid} ({m.PortCount} ports) CE {m.CeAddress} via {m.BrAddress}";
            if (line != _lastPlanLine)
                log.LogInformation("{Plan}", line);
            _lastPlanLine = line;
        }
        var result = await reconciler.ReconcileAsync(plan, stop);
        if (result.Changed)
            log.LogInformation("reconcile: {Count} change(s) applied in {Ms} ms", result.Applied.Count, (int)result.Elapsed.TotalMilliseconds);
        foreach (var f in result.Failures)
            log.LogWarning("reconcile: {Object}: {Reason}", f.Object, f.Reason);
        foreach (var p in plan.Problems)
            log.LogWarning("plan: {Problem}", p);
    }
}
