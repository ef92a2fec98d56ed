using System.Net;

namespace Gatewayd.Ndp;

/// <summary>On-link prefixes, the link MTU, and RDNSS/DNSSL.</summary>
public sealed partial class RouterTracker
{
    private static readonly IPNetwork LinkLocal = IPNetwork.Parse("fe80::/10");

    private void ApplyPrefixes(IPAddress source, RouterAdvertisement ra, TimeSpan at)
    {
        bool changed = false;
        foreach (PrefixInformationOption pio in ra.Prefixes)
        {
            IPNetwork prefix = pio.Prefix;
            // RFC 4861 section 6.3.4: L=0 says nothing about on-link status; the link-local prefix is ignored.
            if (!pio.OnLink || LinkLocal.Contains(prefix.BaseAddress))
                continue;
            Expiring<OnLinkPrefix>? entry = _prefixes.Find(p => p.Value.Prefix == prefix);
            if (pio.ValidLifetime == 0)
            {
                // "If the new Lifetime value is zero, time-out the prefix immediately."
                if (entry is not null)
                {
                    _prefixes.Remove(entry);
                    LogPrefixWithdrawn(_logger, prefix, source);
                    changed = true;
                }

                continue;
            }

            var value = new OnLinkPrefix(prefix, pio.Autonomous, AsLifetime(pio.ValidLifetime), AsLifetime(pio.PreferredLifetime), source);
            TimeSpan deadline = Deadline(at, pio.ValidLifetime, infinityAllowed: true);
            if (entry is null)
            {
                if (_prefixes.Count >= MaxPrefixes)
                {
                    LogPrefixIgnored(_logger, prefix, MaxPrefixes);
                    continue;
                }

                _prefixes.Add(new Expiring<OnLinkPrefix>(value, deadline));
                LogPrefixAdded(_logger, prefix, pio.Autonomous, pio.ValidLifetime, source);
                changed = true;
                continue;
            }

            changed |= entry.Value.Autonomous != value.Autonomous;
            entry.Value = value;
            entry.Deadline = deadline;
        }

        if (changed)
            Emit(new OnLinkPrefixesChanged(Values(_prefixes)));
    }

    private void ApplyMtu(IPAddress source, RouterAdvertisement ra)
    {
        if (ra.Mtu is not { } mtu)
            return;
        if (mtu < MinimumLinkMtu || mtu > _maxLinkMtu)
        {
            LogMtuIgnored(_logger, mtu, source, MinimumLinkMtu, _maxLinkMtu);
            return;
        }

        if (_mtu == mtu)
            return;
        LogMtuChanged(_logger, _mtu, mtu, source);
        Emit(new MtuChanged(_mtu, mtu));
        _mtu = mtu;
    }

    private void ApplyDns(IPAddress source, RouterAdvertisement ra, TimeSpan at)
    {
        bool changed = false;
        foreach (RecursiveDnsServerOption rdnss in ra.RecursiveDnsServers)
        {
            foreach (IPAddress server in rdnss.Servers)
            {
                // A link-local server is only reachable through the interface the RA came in on.
                IPAddress scoped = server.IsIPv6LinkLocal && source.ScopeId != 0 ? new IPAddress(server.GetAddressBytes(), source.ScopeId) : server;
                changed |= Refresh(_dnsServers, scoped, (a, b) => a.Equals(b), rdnss.Lifetime, at, "RDNSS");
            }
        }

        foreach (DnsSearchListOption dnssl in ra.DnsSearchLists)
        {
            foreach (string domain in dnssl.DomainNames)
                changed |= Refresh(_searchDomains, domain, static (a, b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase), dnssl.Lifetime, at, "DNSSL");
        }

        if (changed)
            EmitDns();
    }

    /// <summary>RFC 8106 section 5.3.1: lifetime 0 removes the entry at once, anything else (re)starts its lifetime.</summary>
    private bool Refresh<T>(List<Expiring<T>> entries, T value, Func<T, T, bool> same, uint lifetime, TimeSpan at, string kind)
        where T : notnull
    {
        Expiring<T>? entry = entries.Find(e => same(e.Value, value));
        if (lifetime == 0)
        {
            if (entry is null)
                return false;
            entries.Remove(entry);
            LogDnsEntry(_logger, kind, value.ToString(), "withdrawn", 0);
            return true;
        }

        TimeSpan deadline = Deadline(at, lifetime, infinityAllowed: true);
        if (entry is not null)
        {
            entry.Deadline = deadline;
            return false;
        }

        if (entries.Count >= MaxDnsEntries)
        {
            LogDnsEntry(_logger, kind, value.ToString(), "ignored (list full)", lifetime);
            return false;
        }

        entries.Add(new Expiring<T>(value, deadline));
        LogDnsEntry(_logger, kind, value.ToString(), "added", lifetime);
        return true;
    }

    private void EmitDns() => Emit(new DnsChanged(Values(_dnsServers), Values(_searchDomains)));
}
