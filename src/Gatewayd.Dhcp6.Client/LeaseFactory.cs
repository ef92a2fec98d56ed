using System.Diagnostics;

namespace Gatewayd.Dhcp6.Client;

/// <summary>The one place a Reply becomes a <see cref="Dhcp6Lease"/> (as systemd's dhcp6_lease_new_from_message).</summary>
internal static class LeaseFactory
{
    /// <summary>The verdict on one Reply: what to do, the lease when bound, and why, for the log.</summary>
    public readonly record struct Result(ReplyOutcome Outcome, Dhcp6Lease? Lease, string Reason);

    /// <summary>
    /// Applies <paramref name="reply"/> to <paramref name="current"/>: prefixes the Reply does not mention are kept
    /// (with what is left of their lifetimes), prefixes it gives valid lifetime 0 or a non-success status are dropped.
    /// </summary>
    public static Result FromReply(Dhcp6Message reply, Dhcp6MessageType sent, Dhcp6Lease? current, uint iaid,
        long now, TimeProvider time, System.Net.IPAddress? from)
    {
        if (reply.StatusCode is { Status: not Dhcp6StatusCode.Success } top)
            return new(StatusOutcomes.ForMessage(top.Status), null, $"status {top.Status}: {top.Message}");
        var ia = reply.IaPds.FirstOrDefault(i => i.Iaid == iaid);
        if (ia is null)
            return new(current is null ? ReplyOutcome.Retry : ReplyOutcome.KeepPrefixes, null, $"no IA_PD {iaid} in the Reply");
        if (ia.Status is { Status: not Dhcp6StatusCode.Success } iaStatus)
            return new(StatusOutcomes.ForIa(iaStatus.Status, sent), null, $"IA_PD status {iaStatus.Status}: {iaStatus.Message}");
        if (ia.T1 > ia.T2 && ia.T2 != 0)
            return new(current is null ? ReplyOutcome.Retry : ReplyOutcome.KeepPrefixes, null, $"IA_PD T1 {ia.T1} > T2 {ia.T2} (RFC 8415 21.21: ignored)");

        // A Request starts a new binding; Renew and Rebind update the one we hold.
        var keep = sent is Dhcp6MessageType.Request ? null : current;
        var prefixes = Carried(keep, now, time);
        foreach (var p in ia.Prefixes)
        {
            prefixes.RemoveAll(k => k.Prefix == p.Prefix);
            // RFC 8415 21.22: a prefix whose preferred lifetime exceeds its valid lifetime is discarded.
            if (p.Status is { Status: not Dhcp6StatusCode.Success } || p.ValidLifetime == 0 || p.PreferredLifetime > p.ValidLifetime)
                continue;
            prefixes.Add(new LeasedPrefix(p.Prefix, p.PreferredLifetime, p.ValidLifetime));
        }
        if (prefixes.Count == 0)
        {
            return sent is Dhcp6MessageType.Request
                ? new(ReplyOutcome.Solicit, null, "the Reply delegates no prefix")
                : new(ReplyOutcome.Bound, Lease(reply, ia, prefixes, keep, now, from), "every prefix withdrawn");
        }
        return new(ReplyOutcome.Bound, Lease(reply, ia, prefixes, keep, now, from), "bound");
    }

    /// <summary>The prefixes of <paramref name="current"/>, their lifetimes shortened by the time since it was obtained.</summary>
    private static List<LeasedPrefix> Carried(Dhcp6Lease? current, long now, TimeProvider time)
    {
        if (current is null)
            return [];
        var elapsed = (uint)Math.Min(uint.MaxValue - 1, time.GetElapsedTime(current.ObtainedAt, now).TotalSeconds);
        var list = new List<LeasedPrefix>();
        foreach (var p in current.Prefixes)
        {
            var valid = Shorten(p.ValidLifetime, elapsed);
            if (valid > 0)
                list.Add(p with { PreferredLifetime = Math.Min(Shorten(p.PreferredLifetime, elapsed), valid), ValidLifetime = valid });
        }
        return list;
    }

    private static uint Shorten(uint lifetime, uint elapsed) =>
        lifetime == Dhcp6Constants.Infinity ? lifetime : lifetime > elapsed ? lifetime - elapsed : 0;

    private static Dhcp6Lease Lease(Dhcp6Message reply, IaPdOption ia, List<LeasedPrefix> prefixes, Dhcp6Lease? previous,
        long now, System.Net.IPAddress? from)
    {
        Debug.Assert(reply.ServerId is not null, "the caller checked the ServerID");
        var (renew, rebind) = Timers(ia.T1, ia.T2, prefixes);
        ReadOnlyMemory<byte>? key = reply.Auth is { } auth && Rkap.TryGetReconfigureKey(auth, out var k)
            ? k
            : previous is not null && previous.ServerId.Equals(reply.ServerId) ? previous.ReconfigureKey : null;
        return new Dhcp6Lease
        {
            ServerId = reply.ServerId!,
            ServerAddress = from,
            Iaid = ia.Iaid,
            T1 = ia.T1,
            T2 = ia.T2,
            RenewAfter = renew,
            RebindAfter = rebind,
            Prefixes = prefixes,
            ObtainedAt = now,
            DnsServers = reply.DnsServers,
            Domains = [.. reply.DomainList.Select(d => d.ToString())],
            AftrName = reply.AftrName?.ToString(),
            MapE = reply.MapE,
            ReconfigureKey = key,
        };
    }

    /// <summary>
    /// T1 and T2, or 0.5 and 0.8 of the shortest preferred lifetime when the server leaves them to us (RFC 8415 21.21);
    /// null means never (infinity).
    /// </summary>
    internal static (TimeSpan? Renew, TimeSpan? Rebind) Timers(uint t1, uint t2, IReadOnlyList<LeasedPrefix> prefixes)
    {
        if (t1 != 0 && t2 != 0)
            return (Lifetime.ToTimeSpan(t1), Lifetime.ToTimeSpan(t2));
        var finite = prefixes.Where(p => p.Preferred is not null).Select(p => p.Preferred!.Value).ToList();
        if (finite.Count == 0)
            return (null, null);
        var shortest = finite.Min();
        return (shortest * 0.5, shortest * 0.8);
    }
}
