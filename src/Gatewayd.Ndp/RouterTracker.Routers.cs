using System.Net;

namespace Gatewayd.Ndp;

/// <summary>The Default Router List and the M/O flags.</summary>
public sealed partial class RouterTracker
{
    private void ApplyFlags(IPAddress source, RouterAdvertisement ra)
    {
        (bool Managed, bool Other) flags = (ra.Managed, ra.OtherConfiguration);
        if (_flags == flags)
            return;
        LogFlagsChanged(_logger, FlagsText(_flags), FlagsText(flags), source);
        _flags = flags;
        Emit(new FlagsChanged(flags.Managed, flags.Other, source));
    }

    private void ApplyRouter(IPAddress source, RouterAdvertisement ra, TimeSpan at, TimeSpan now)
    {
        RouterEntry? entry = _routers.Find(r => r.Router.Address.Equals(source));
        if (ra.RouterLifetimeSeconds == 0)
        {
            // RFC 4861 section 6.3.4: "If the address is already present ... and the received Router Lifetime value is zero,
            // immediately time-out the entry."
            if (entry is not null)
                RemoveRouter(entry, RouterLossReason.LifetimeZero);
            return;
        }

        TimeSpan deadline = Deadline(at, ra.RouterLifetimeSeconds, infinityAllowed: false);
        string? linkLayer = ra.SourceLinkLayerAddress is { } slla ? LinkLayerText.Format(slla.Span) : entry?.Router.LinkLayerAddress;
        var router = new DefaultRouter(source, ra.Preference, ra.RouterLifetime, linkLayer, WallClock(deadline, now));
        if (entry is null)
        {
            if (_routers.Count >= MaxRouters)
            {
                LogRouterIgnored(_logger, source, MaxRouters);
                return;
            }

            _routers.Add(new RouterEntry(router, _nextRouterOrder++, deadline));
            LogRouterAppeared(_logger, source, router.Preference, ra.RouterLifetimeSeconds, linkLayer);
            Emit(new DefaultRouterAppeared(router));
            return;
        }

        DefaultRouter previous = entry.Router;
        entry.Router = router;
        entry.Deadline = deadline;
        // A refresh that only moves the deadline is routine (every RA); it is not a change.
        if (previous.Preference != router.Preference || previous.Lifetime != router.Lifetime || previous.LinkLayerAddress != router.LinkLayerAddress)
        {
            LogRouterChanged(_logger, source, previous.Preference, router.Preference, (int)previous.Lifetime.TotalSeconds,
                ra.RouterLifetimeSeconds, previous.LinkLayerAddress, linkLayer);
            Emit(new DefaultRouterChanged(previous, router));
        }
    }

    private void RemoveRouter(RouterEntry entry, RouterLossReason reason)
    {
        _routers.Remove(entry);
        LogRouterLost(_logger, entry.Router.Address, reason);
        Emit(new DefaultRouterLost(entry.Router, reason));
    }

    private List<DefaultRouter> SortedRouters()
    {
        var sorted = new List<RouterEntry>(_routers);
        sorted.Sort(static (a, b) =>
        {
            int byPreference = Rank(a.Router.Preference).CompareTo(Rank(b.Router.Preference));
            return byPreference != 0 ? byPreference : a.Order.CompareTo(b.Order);
        });
        return sorted.ConvertAll(e => e.Router);
    }

    /// <summary>RFC 4191 section 3.2: High before Medium before Low.</summary>
    private static int Rank(RouterPreference preference) => preference switch
    {
        RouterPreference.High => 0,
        RouterPreference.Low => 2,
        _ => 1,
    };

    private DateTimeOffset WallClock(TimeSpan deadline, TimeSpan now) =>
        deadline == TimeSpan.MaxValue ? DateTimeOffset.MaxValue : _time.GetUtcNow() + (deadline - now);

    private static string FlagsText((bool Managed, bool Other)? flags) =>
        flags is { } f ? $"M={(f.Managed ? 1 : 0)} O={(f.Other ? 1 : 0)}" : "unknown";
}
