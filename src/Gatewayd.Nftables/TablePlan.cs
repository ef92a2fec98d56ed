namespace Gatewayd.Nftables;

/// <summary>
/// What the renderer means the table to hold, kept beside the text so the readback can be checked against the same source.
/// </summary>
internal sealed record TablePlan(string TableName, IReadOnlyList<string> Counters, IReadOnlyList<ChainPlan> Chains);

/// <summary>A base chain: its hook and the rules in order.</summary>
internal sealed record ChainPlan(string Name, string Type, string Hook, string PriorityName, int Priority, IReadOnlyList<RulePlan> Rules);

/// <summary>
/// One rule. <paramref name="Text"/> is the nft syntax up to (excluding) an anonymous map body, which is rendered one element a line.
/// </summary>
internal sealed record RulePlan(string Text, IReadOnlyList<string> MapElements, RuleDigest Digest);

/// <summary>
/// The parts of a rule that survive a round trip through <c>nft -j list</c> unchanged: the interface match, the statements, and the
/// anonymous map's elements. Protocol matches are left out because nft drops the ones implied by a payload expression when listing.
/// </summary>
internal sealed record RuleDigest(string Match, string Statement, IReadOnlyList<string> Elements)
{
    public bool SameAs(RuleDigest other) =>
        Match == other.Match && Statement == other.Statement && Elements.SequenceEqual(other.Elements, StringComparer.Ordinal);

    public override string ToString() =>
        Elements.Count == 0 ? $"{Match} {Statement}" : $"{Match} {Statement} {{ {Elements.Count} elements }}";
}
