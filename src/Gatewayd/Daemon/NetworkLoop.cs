using System.Net;
using System.Threading.Channels;
using Gatewayd.Config;
using Gatewayd.Dhcp;
using Gatewayd.Dhcp6.Client;
using Gatewayd.Ndp;
using Gatewayd.Planning;
using Gatewayd.Reconcile;
using Gatewayd.Systemd;
using Microsoft.Extensions.Logging;

namespace Gatewayd.Daemon;

/// <summary>
/// The serialized loop of DESIGN.md: lease, RA and timer inputs update one snapshot; each round plans from it and
/// reconciles the kernel. Inputs that arrive together are handled as one round, so a burst costs one reconcile.
/// </summary>
internal sealed class NetworkLoop(GatewaydConfig config, string configPath, Reconciler reconciler, ISystemdNotifier notifier, ILogger log)
{
    private GatewaydConfig _config = config;

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
        var ticking = EveryAsync(SlowTimer, () => new TickInput(), stop);
        var watchdog = notifier.WatchdogInterval is { } interval ? EveryAsync(interval, () => new WatchdogInput(), stop) : Task.CompletedTask;
        // The first round runs at once: READY=1 follows the first reconcile attempt, never a lease (the NGN may be silent for minutes).
        _inputs.Writer.TryWrite(new TickInput());
        var ready = false;
        try
        {
            while (await _inputs.Reader.WaitToReadAsync(stop))
            {
                var reconcile = false;
                var reload = false;
                while (_inputs.Reader.TryRead(out var input))
                {
                    if (input is WatchdogInput)
                        notifier.Watchdog();
                    else if (input is ReloadInput)
                        reload = true;
                    else
                        reconcile |= Absorb(input);
                }
                if (reload)
                {
                    notifier.Reloading();
                    reconcile |= Reload();
                }
                if (reconcile)
                    await ReconcileAsync(stop);
                // READY=1 after the first round and after each reload (systemd 252 has no notify-reload; RELOADING=1 then READY=1).
                if (!ready || reload)
                {
                    notifier.Ready();
                    ready = true;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        await ticking;
        await watchdog;
    }

    private async Task EveryAsync(TimeSpan period, Func<DaemonInput> input, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(period);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
                _inputs.Writer.TryWrite(input());
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// Swaps in the re-read config when it is valid; the WAN interface is the one thing that needs a restart (the DHCPv6
    /// client, its socket and its lease belong to it). True when a config was taken; the reconcile that follows changes
    /// only what differs, so an unchanged config costs nothing.
    /// </summary>
    private bool Reload()
    {
        if (ConfigReload.TryRead(configPath, log) is not { } next)
            return false;
        if (next.Wan.Interface != _config.Wan.Interface)
        {
            log.LogWarning("reload: wan.interface changed from {Old} to {New}: restart gatewayd to move the WAN; the rest is applied",
                _config.Wan.Interface, next.Wan.Interface ?? "(none)");
            next = next with { Wan = _config.Wan };
        }
        _config = next;
        log.LogInformation("reload: config from {Path} applied", configPath);
        return true;
    }

    /// <summary>Takes an input into the snapshot; true when it calls for a reconcile round.</summary>
    private bool Absorb(DaemonInput input)
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
            case RouterInput:
                // Other RA news (flags, DNS, the default router) changes nothing the plan holds.
                return false;
        }
        return true;
    }

    private async Task ReconcileAsync(CancellationToken stop)
    {
        var plan = Planner.Plan(new PlanInput(_config, DelegatedPrefix: _lease?.PrimaryPrefix, RaPrefix: _raPrefix,
            ServerMapRules: ServerMapRules.From(_lease?.MapE)));
        if (plan.Softwire?.MapE is { } m)
        {
            var line = $"plan: MAP-E {m.Ipv4Address} PSID {m.Psid} ({m.PortCount} ports) CE {m.CeAddress} via {m.BrAddress}";
            if (line != _lastPlanLine)
                log.LogInformation("{Plan}", line);
            _lastPlanLine = line;
        }
        var result = await reconciler.ReconcileAsync(plan, stop);
        notifier.Status(StatusLine.For(plan, result, _lease, TimeProvider.System, _config.Wan.Interface ?? "wan"));
        if (result.Changed)
            log.LogInformation("reconcile: {Count} change(s) applied in {Ms} ms", result.Applied.Count, (int)result.Elapsed.TotalMilliseconds);
        foreach (var f in result.Failures)
            log.LogWarning("reconcile: {Object}: {Reason}", f.Object, f.Reason);
        foreach (var p in plan.Problems)
            log.LogWarning("plan: {Problem}", p);
    }
}
