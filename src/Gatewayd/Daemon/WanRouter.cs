using System.Net;
using Gatewayd.Ndp;
using Gatewayd.Netlink;
using Microsoft.Extensions.Logging;

namespace Gatewayd.Daemon;

/// <summary>
/// gatewayd's half of WAN IPv6: it listens to the RAs itself (the kernel's accept_ra is 0 on the WAN, so IPv6
/// forwarding can be on without losing the default route) and keeps the IPv6 default route they announce, with
/// gatewayd's own route protocol and the router lifetime as the route's expiry.
/// </summary>
internal sealed class WanRouter(string wan, int ifindex, RtNetlink rtnl, ILogger log, ILoggerFactory loggers)
{
    private IPAddress? _installed;

    /// <summary>Raised for every tracker event, after the route is handled (the daemon starts DHCPv6 on M or O).</summary>
    public event Action<RouterTrackerEvent>? Changed;

    public RouterTracker? Tracker { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Sysctl.Ensure(Sysctl.Ipv6Conf(wan, "accept_ra"), 0))
            log.LogInformation("{Wan}: accept_ra set to 0: gatewayd processes the WAN's Router Advertisements", wan);
        await using var socket = RaSocket.Open(wan);
        var listener = new RaListener(socket, new LinuxInterfaceAddresses(wan), new RaListenerOptions { InterfaceName = wan },
            TimeProvider.System, loggers.CreateLogger<RaListener>());
        using var tracker = new RouterTracker(TimeProvider.System, loggers.CreateLogger<RouterTracker>());
        Tracker = tracker;
        var listening = listener.RunAsync(cancellationToken);
        var feeding = FeedAsync(listener, tracker, cancellationToken);
        try
        {
            await foreach (var e in tracker.Events.ReadAllAsync(cancellationToken))
            {
                await OnEventAsync(e, tracker, cancellationToken);
                Changed?.Invoke(e);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        await listening;
        await feeding;
    }

    private static async Task FeedAsync(RaListener listener, RouterTracker tracker, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var ra in listener.Advertisements.ReadAllAsync(cancellationToken))
                tracker.Process(ra);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task OnEventAsync(RouterTrackerEvent e, RouterTracker tracker, CancellationToken cancellationToken)
    {
        switch (e)
        {
            case DefaultRouterAppeared or DefaultRouterChanged or DefaultRouterLost:
                await EnsureDefaultRouteAsync(tracker.DefaultRouters.Count > 0 ? tracker.DefaultRouters[0] : null, cancellationToken);
                break;
            case FlagsChanged f:
                log.LogInformation("{Wan}: RA from {Router}: M={Managed} O={Other}", wan, f.Router, f.Managed, f.OtherConfiguration);
                break;
            case OnLinkPrefixesChanged p:
                log.LogInformation("{Wan}: on-link prefixes: {Prefixes}", wan, string.Join(", ", p.Prefixes.Select(x => x.Prefix)));
                break;
        }
    }

    /// <summary>Installs (or replaces, or removes) ::/0 via the best router; never touches a default route someone else made.</summary>
    private async Task EnsureDefaultRouteAsync(DefaultRouter? best, CancellationToken cancellationToken)
    {
        if (_installed is { } old && (best is null || !best.Address.Equals(old)))
        {
            await rtnl.DeleteRouteAsync(Route(old, null), cancellationToken);
            log.LogInformation("{Wan}: IPv6 default route via {Router} withdrawn", wan, old);
            _installed = null;
        }
        if (best is null)
            return;
        var existing = (await rtnl.DumpRoutesAsync(InetFamily.IPv6, RouteInfo.MainTable, cancellationToken))
            .FirstOrDefault(r => r.DestinationLength == 0 && (r.Priority ?? 0) == Ownership.RaDefaultRouteMetric
                && r.Protocol is not (Ownership.RouteProtocol or Ownership.KernelRaProtocol));
        if (existing is not null)
        {
            log.LogWarning("{Wan}: an IPv6 default route with metric {Metric} that gatewayd did not make exists (proto {Proto}); leaving it alone",
                wan, Ownership.RaDefaultRouteMetric, existing.Protocol);
            return;
        }
        var lifetime = (uint)Math.Min(uint.MaxValue - 1, best.Lifetime.TotalSeconds);
        await rtnl.ReplaceRouteAsync(Route(best.Address, lifetime), cancellationToken);
        if (!best.Address.Equals(_installed))
            log.LogInformation("{Wan}: IPv6 default route via {Router}, lifetime {Lifetime} s", wan, best.Address, lifetime);
        _installed = best.Address;
    }

    private RouteInfo Route(IPAddress router, uint? expires) => new()
    {
        Family = InetFamily.IPv6,
        DestinationLength = 0,
        Destination = IPAddress.IPv6Any,
        Gateway = new IPAddress(router.GetAddressBytes()),
        OutputInterface = ifindex,
        Protocol = Ownership.RouteProtocol,
        Priority = Ownership.RaDefaultRouteMetric,
        ExpiresSeconds = expires,
    };
}
