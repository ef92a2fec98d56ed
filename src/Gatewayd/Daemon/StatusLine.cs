using Gatewayd.Dhcp6.Client;
using Gatewayd.Planning;
using Gatewayd.Reconcile;

namespace Gatewayd.Daemon;

/// <summary>The one line `systemctl status` shows (sd_notify STATUS=): what is up, and what is wrong if anything is.</summary>
internal static class StatusLine
{
    public static string For(DesiredNetwork plan, ReconcileResult result, Dhcp6Lease? lease, TimeProvider time, string wan)
    {
        if (plan.DelegatedPrefix is null)
            return plan.Problems.Count > 0 ? $"{wan}: {plan.Problems[0]}" : $"{wan}: waiting for a delegated prefix";
        var pd = lease is { PrimaryPrefix: { } p } ? $"PD {p} valid {Remaining(lease, time)}" : $"RA prefix {plan.DelegatedPrefix}";
        var state = result.Succeeded && plan.Problems.Count == 0 ? "up" : "degraded";
        var why = result.Failures.Count > 0 ? $" ({result.Failures[0].Object}: {result.Failures[0].Reason})"
            : plan.Problems.Count > 0 ? $" ({plan.Problems[0]})" : "";
        var softwire = plan.Softwire switch
        {
            { MapE: { } m } => $"MAP-E {state}: {m.Ipv4Address} PSID {m.Psid} ({m.PortCount} ports) via {m.BrAddress}",
            { Fixed: { } f } => $"IPIP6 {state}: {f.Ipv4Address} via {f.BrAddress}",
            { DsLite: { } d } => $"DS-Lite {state}: AFTR {d.AftrAddress?.ToString() ?? d.AftrName}",
            _ => plan.NoMatchingRule ? "MAP-E degraded: no rule covers the prefix" : $"IPv6 only {state}",
        };
        return $"{softwire}; {pd}{why}";
    }

    /// <summary>"3h52m" style: the longest valid lifetime left.</summary>
    internal static string Remaining(Dhcp6Lease lease, TimeProvider time)
    {
        if (lease.ValidUntil is not { } valid)
            return "forever";
        var left = valid - time.GetElapsedTime(lease.ObtainedAt);
        if (left <= TimeSpan.Zero)
            return "0m";
        return left.TotalHours >= 1 ? $"{(int)left.TotalHours}h{left.Minutes:00}m" : $"{left.Minutes}m{left.Seconds:00}s";
    }
}
