using Gatewayd.Nftables;
using Gatewayd.Reconcile;

namespace Gatewayd.Tests.Reconcile;

/// <summary>An nft table in memory: compares rulesets as records, counts writes, and can be told to reject every apply.</summary>
internal sealed class CountingNft : INftTable
{
    public GatewaydRuleset? Table { get; private set; }

    public int Writes { get; private set; }

    public string? RejectWith { get; set; }

    public Task<bool> EnsureAsync(GatewaydRuleset ruleset, CancellationToken cancellationToken)
    {
        if (RejectWith is { } reason)
            throw new NftException("apply", reason, reason, 1);
        if (Table is not null && RulesetRenderer.Render(Table) == RulesetRenderer.Render(ruleset))
            return Task.FromResult(false);
        Table = ruleset;
        Writes++;
        return Task.FromResult(true);
    }

    public Task<bool> ExistsAsync(string tableName, CancellationToken cancellationToken) => Task.FromResult(Table is not null);

    public Task DeleteAsync(string tableName, CancellationToken cancellationToken)
    {
        Table = null;
        Writes++;
        return Task.CompletedTask;
    }
}
