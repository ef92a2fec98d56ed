using Gatewayd.Nftables;

namespace Gatewayd.Reconcile;

/// <summary>The reconciler's view of nft: gatewayd's one table. <see cref="NftClientTable"/> runs nft; tests count calls.</summary>
internal interface INftTable
{
    /// <summary>Makes the table hold <paramref name="ruleset"/>; true when it was written, false when it already matched.</summary>
    Task<bool> EnsureAsync(GatewaydRuleset ruleset, CancellationToken cancellationToken);

    /// <summary>Whether <c>table inet NAME</c> exists.</summary>
    Task<bool> ExistsAsync(string tableName, CancellationToken cancellationToken);

    /// <summary>Deletes <c>table inet NAME</c>.</summary>
    Task DeleteAsync(string tableName, CancellationToken cancellationToken);
}

/// <summary><see cref="INftTable"/> over <see cref="NftClient"/>.</summary>
internal sealed class NftClientTable(NftClient client) : INftTable
{
    public Task<bool> EnsureAsync(GatewaydRuleset ruleset, CancellationToken cancellationToken) => client.EnsureAsync(ruleset, cancellationToken);

    public Task<bool> ExistsAsync(string tableName, CancellationToken cancellationToken) => client.TableExistsAsync(tableName, cancellationToken);

    public Task DeleteAsync(string tableName, CancellationToken cancellationToken) => client.DeleteTableAsync(tableName, cancellationToken);
}
