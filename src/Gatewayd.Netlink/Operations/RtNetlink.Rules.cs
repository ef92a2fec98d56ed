using Gatewayd.Netlink.Uapi;

namespace Gatewayd.Netlink;

public sealed partial class RtNetlink
{
    /// <summary>Lists policy rules.</summary>
    /// <param name="family">Only this family, or <see cref="InetFamily.Unspecified"/> for both.</param>
    /// <param name="table">Only rules pointing at this table, or null for all.</param>
    /// <param name="cancellationToken">Cancels the dump.</param>
    /// <returns>The rules, in priority order.</returns>
    public async Task<IReadOnlyList<RuleInfo>> DumpRulesAsync(InetFamily family = InetFamily.Unspecified, uint? table = null, CancellationToken cancellationToken = default) =>
        await DumpAsync<RuleInfo>(
            FamilyDump(RtMessageType.GetRule, RuleConstants.FibRuleHdrLength, family), // strict checking forbids rule dump filters: filter here
            $"RTM_GETRULE dump {family}",
            RuleInfo.TryParse,
            r => (family == InetFamily.Unspecified || r.Family == family) && (table is null || r.Table == table),
            cancellationToken);

    /// <summary>Adds a rule (<c>NLM_F_CREATE | NLM_F_EXCL</c>: EEXIST if an identical one is there).</summary>
    /// <param name="rule">The rule: family, priority, selectors (fwmark/mask, iif, oif, from, to), action and table, protocol.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the kernel has acknowledged.</returns>
    public Task AddRuleAsync(RuleInfo rule, CancellationToken cancellationToken = default) =>
        ChangeRuleAsync(RtMessageType.NewRule, CreateFlags, rule, cancellationToken);

    /// <summary>Deletes the first rule matching every field set in <paramref name="rule"/> (ENOENT when none does).</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the kernel has acknowledged.</returns>
    public Task DeleteRuleAsync(RuleInfo rule, CancellationToken cancellationToken = default) =>
        ChangeRuleAsync(RtMessageType.DeleteRule, AckFlags, rule, cancellationToken);

    private async Task ChangeRuleAsync(RtMessageType type, NetlinkMessageFlags flags, RuleInfo rule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var operation = Name(type, rule.Describe());
        await ExecuteAsync(rule.ToMessage(type, flags), operation, null, _ => operation, cancellationToken);
    }
}
