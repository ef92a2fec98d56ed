namespace Gatewayd.Ndp;

/// <summary>Lifetimes running out, on the single expiry timer.</summary>
public sealed partial class RouterTracker
{
    private void OnExpiryTimer()
    {
        lock (_gate)
        {
            if (_disposed)
                return;
            TimeSpan now = Now;
            ExpireDue(now);
            ArmExpiryTimer(now);
        }
    }

    /// <summary>Removes every router, prefix and DNS entry whose deadline is not after <paramref name="now"/>.</summary>
    private void ExpireDue(TimeSpan now)
    {
        foreach (RouterEntry router in _routers.FindAll(r => r.Deadline <= now))
            RemoveRouter(router, RouterLossReason.Expired);

        List<Expiring<OnLinkPrefix>> prefixes = _prefixes.FindAll(p => p.Deadline <= now);
        foreach (Expiring<OnLinkPrefix> prefix in prefixes)
        {
            _prefixes.Remove(prefix);
            LogPrefixExpired(_logger, prefix.Value.Prefix);
        }

        if (prefixes.Count > 0)
            Emit(new OnLinkPrefixesChanged(Values(_prefixes)));

        int dns = ExpireDns(_dnsServers, now, "RDNSS") + ExpireDns(_searchDomains, now, "DNSSL");
        if (dns > 0)
            EmitDns();
    }

    private int ExpireDns<T>(List<Expiring<T>> entries, TimeSpan now, string kind)
        where T : notnull
    {
        List<Expiring<T>> expired = entries.FindAll(e => e.Deadline <= now);
        foreach (Expiring<T> entry in expired)
        {
            entries.Remove(entry);
            LogDnsEntry(_logger, kind, entry.Value.ToString(), "expired", 0);
        }

        return expired.Count;
    }

    /// <summary>Arms the timer for the earliest deadline, or disarms it when nothing can expire.</summary>
    private void ArmExpiryTimer(TimeSpan now)
    {
        TimeSpan earliest = TimeSpan.MaxValue;
        foreach (RouterEntry router in _routers)
            earliest = Min(earliest, router.Deadline);
        foreach (Expiring<OnLinkPrefix> prefix in _prefixes)
            earliest = Min(earliest, prefix.Deadline);
        foreach (Expiring<System.Net.IPAddress> server in _dnsServers)
            earliest = Min(earliest, server.Deadline);
        foreach (Expiring<string> domain in _searchDomains)
            earliest = Min(earliest, domain.Deadline);

        TimeSpan due = earliest == TimeSpan.MaxValue ? Timeout.InfiniteTimeSpan : Min(earliest - now, MaxTimerDue);
        _expiryTimer.Change(due, Timeout.InfiniteTimeSpan);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
