using System.Threading.Channels;
using Gatewayd.Config;
using Gatewayd.Dhcp;
using Gatewayd.Nftables;
using Gatewayd.Dhcp6;
using Gatewayd.Dhcp6.Client;
using Gatewayd.Ndp;
using Gatewayd.Netlink;
using Gatewayd.Reconcile;
using Gatewayd.Systemd;
using Microsoft.Extensions.Logging;

namespace Gatewayd.Daemon;

/// <summary>
/// The WAN side of the daemon: the RA listener with its default route, and the DHCPv6-PD client, started once an RA
/// says M or O (or at once when the config says so), feeding the network loop that plans and reconciles the kernel.
/// </summary>
internal sealed class WanDaemon(GatewaydConfig config, string configPath, string wan, string stateDir, ChannelReader<bool> reloads,
    ISystemdNotifier notifier, ILogger log, ILoggerFactory loggers)
{
    private readonly TaskCompletionSource _startDhcp6 = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<int> RunAsync(CancellationToken stop)
    {
        if (LinkFacts.Index(wan) is not { } ifindex)
        {
            log.LogError("no interface named {Wan}", wan);
            return Cli.ExitCodes.Failure;
        }
        Directory.CreateDirectory(stateDir);
        IDhcp6Transport transport;
        Duid duid;
        try
        {
            duid = Dhcp6Identity.LoadOrCreate(stateDir, wan, log);
            transport = UdpDhcp6Transport.Open(wan);
        }
        catch (Exception e) when (e is Dhcp6TransportException or InvalidOperationException)
        {
            log.LogError("{Error}", e.Message);
            return Cli.ExitCodes.Failure;
        }
        using var rtnl = new RtNetlink(NetlinkConnection.Open());
        // The reconciler gets a netlink socket of its own: RtNetlink is not shared between concurrent users.
        using var reconcilerRtnl = new RtNetlink(NetlinkConnection.Open());
        var store = new FileLeaseStore(Path.Combine(stateDir, "lease.json"), log);
        var loop = new NetworkLoop(config, configPath, new Reconciler(reconcilerRtnl, new NftClientTable(new NftClient()), log: log), notifier, log);
        loop.Seed(store.Load(TimeProvider.System, out _));
        using var stopWan = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var looping = loop.RunAsync(stopWan.Token);
        var reloading = ForwardReloadsAsync(loop, stopWan.Token);
        var router = new WanRouter(wan, ifindex, rtnl, log, loggers);
        router.Changed += e =>
        {
            OnRouterEvent(e);
            loop.Inputs.TryWrite(new RouterInput(e));
        };
        var routing = RunRouterAsync(router, stopWan.Token);
        if (config.Dhcp6.StartImmediately)
            _startDhcp6.TrySetResult();
        else
            log.LogInformation("{Wan}: DHCPv6 waits for an RA with M or O set (dhcp6.start is on-ra)", wan);

        var client = new Dhcp6Client(Options(duid), transport, TimeProvider.System, log, store);
        await using (client)
        {
            using var clientStop = new CancellationTokenSource();
            Task running = Task.CompletedTask;
            try
            {
                await _startDhcp6.Task.WaitAsync(stop);
                running = client.RunAsync(clientStop.Token);
                await foreach (var e in client.Events.ReadAllAsync(stop))
                    loop.Inputs.TryWrite(new LeaseInput(e));
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            if (config.Dhcp6.ReleaseOnStop && client.Lease is not null)
                await ReleaseAsync(client);
            await clientStop.CancelAsync();
            await running;
        }
        // Stopping leaves the network as it is: the next start adopts it (DESIGN.md, "a restart costs no outage").
        await stopWan.CancelAsync();
        await routing;
        await looping;
        await reloading;
        log.LogInformation("stopped; the lease stays in {StateDir} for the next start", stateDir);
        return Cli.ExitCodes.Ok;
    }

    private async Task ForwardReloadsAsync(NetworkLoop loop, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var _ in reloads.ReadAllAsync(cancellationToken))
                loop.Inputs.TryWrite(new ReloadInput());
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task RunRouterAsync(WanRouter router, CancellationToken cancellationToken)
    {
        try
        {
            await router.RunAsync(cancellationToken);
        }
        catch (Exception e) when (e is IOException or NetlinkException or UnauthorizedAccessException)
        {
            // Without RAs there is no IPv6 default route, but DHCPv6 and the IPv4 side can still work: degrade, don't die.
            log.LogError("{Wan}: Router Advertisement handling stopped: {Error}", wan, e.Message);
            _startDhcp6.TrySetResult();
        }
    }

    private void OnRouterEvent(RouterTrackerEvent e)
    {
        if (e is FlagsChanged { Managed: true } or FlagsChanged { OtherConfiguration: true } && _startDhcp6.TrySetResult())
            log.LogInformation("{Wan}: the RA has M or O set: starting DHCPv6", wan);
    }

    private Dhcp6ClientOptions Options(Duid duid) => new()
    {
        InterfaceName = wan,
        ClientId = duid,
        Iaid = Dhcp6Identity.Iaid,
        ExtraRequestedOptions = config.Softwire.Mode switch
        {
            SoftwireMode.MapE => [Dhcp6OptionCode.S46ContMapE],
            SoftwireMode.DsLite => [Dhcp6OptionCode.AftrName],
            _ => [],
        },
    };

    private async Task ReleaseAsync(Dhcp6Client client)
    {
        client.RequestRelease();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await foreach (var e in client.Events.ReadAllAsync(wait.Token))
            {
                if (e is PrefixLost)
                    return;
            }
        }
        catch (OperationCanceledException)
        {
            log.LogWarning("Release unanswered within 5 s");
        }
    }
}
