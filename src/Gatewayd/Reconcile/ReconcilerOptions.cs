namespace Gatewayd.Reconcile;

/// <summary>What, beyond the current plan, the reconciler counts as its own.</summary>
internal sealed record ReconcilerOptions
{
    /// <summary>
    /// Links gatewayd may delete when the plan no longer has a tunnel (lease lost, mode changed): an <c>ip6tnl</c> with one of
    /// these names is gatewayd's. A link of any other kind with such a name is never touched. The daemon passes the configured
    /// tunnel name; the defaults are the names the config would pick.
    /// </summary>
    public IReadOnlyCollection<string> TunnelNames { get; init; } = ["mape0", "dslite0", "ipip0"];

    /// <summary>gatewayd's <c>inet</c> nft table, deleted when the plan has no ruleset.</summary>
    public string NftTableName { get; init; } = "gatewayd";
}
