using System.Globalization;
using System.Text.Json;

namespace Gatewayd.Nftables;

/// <summary>Compares <c>nft -j list table inet NAME</c> output with the <see cref="TablePlan"/> it was rendered from.</summary>
internal static class NftReadback
{
    /// <summary>Returns every difference; empty when the kernel holds what was planned.</summary>
    public static IReadOnlyList<string> Verify(TablePlan plan, string json)
    {
        var problems = new List<string>();
        Table observed;
        try
        {
            observed = Parse(plan.TableName, json, problems);
        }
        catch (JsonException e)
        {
            return [$"nft output is not JSON: {e.Message}"];
        }

        if (!observed.Found)
        {
            problems.Add($"table inet {plan.TableName} is not listed");
            return problems;
        }

        foreach (var name in plan.Counters.Except(observed.Counters, StringComparer.Ordinal))
        {
            problems.Add($"counter {name} is missing");
        }

        foreach (var name in observed.Counters.Except(plan.Counters, StringComparer.Ordinal))
        {
            problems.Add($"unexpected counter {name}");
        }

        foreach (var chain in plan.Chains)
        {
            if (!observed.Chains.TryGetValue(chain.Name, out var seen))
            {
                problems.Add($"chain {chain.Name} is missing");
                continue;
            }

            var expectedHook = $"type {chain.Type} hook {chain.Hook} priority {chain.Priority} policy accept";
            if (seen.Hook != expectedHook)
            {
                problems.Add($"chain {chain.Name}: expected {expectedHook}, found {seen.Hook}");
            }

            if (seen.Rules.Count != chain.Rules.Count)
            {
                problems.Add($"chain {chain.Name}: expected {chain.Rules.Count} rules, found {seen.Rules.Count}");
            }

            for (var i = 0; i < Math.Min(seen.Rules.Count, chain.Rules.Count); i++)
            {
                CompareRule($"chain {chain.Name} rule {i + 1}", chain.Rules[i].Digest, seen.Rules[i], problems);
            }
        }

        foreach (var name in observed.Chains.Keys.Except(plan.Chains.Select(c => c.Name), StringComparer.Ordinal))
        {
            problems.Add($"unexpected chain {name}");
        }

        return problems;
    }

    private static void CompareRule(string where, RuleDigest expected, RuleDigest seen, List<string> problems)
    {
        if (expected.SameAs(seen))
        {
            return;
        }

        if (expected.Match != seen.Match || expected.Statement != seen.Statement)
        {
            problems.Add($"{where}: expected `{expected.Match} {expected.Statement}`, found `{seen.Match} {seen.Statement}`");
        }

        if (expected.Elements.Count != seen.Elements.Count)
        {
            problems.Add($"{where}: expected {expected.Elements.Count} map elements, found {seen.Elements.Count}");
        }

        for (var i = 0; i < Math.Min(expected.Elements.Count, seen.Elements.Count); i++)
        {
            if (expected.Elements[i] != seen.Elements[i])
            {
                problems.Add($"{where}: map element {i}: expected `{expected.Elements[i]}`, found `{seen.Elements[i]}`");
                break;
            }
        }
    }

    private sealed record Chain(string Hook, List<RuleDigest> Rules);

    private sealed record Table(bool Found, List<string> Counters, Dictionary<string, Chain> Chains);

    private static Table Parse(string tableName, string json, List<string> problems)
    {
        using var doc = JsonDocument.Parse(json);
        var found = false;
        var counters = new List<string>();
        var chains = new Dictionary<string, Chain>(StringComparer.Ordinal);
        if (!doc.RootElement.TryGetProperty("nftables", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            problems.Add("nft output has no \"nftables\" array");
            return new Table(false, counters, chains);
        }

        foreach (var item in items.EnumerateArray())
        {
            foreach (var kind in item.EnumerateObject())
            {
                var o = kind.Value;
                switch (kind.Name)
                {
                    case "metainfo":
                        break;
                    case "table":
                        found |= Str(o, "family") == "inet" && Str(o, "name") == tableName;
                        break;
                    case "counter":
                        counters.Add(Str(o, "name"));
                        break;
                    case "chain":
                        var hook = o.TryGetProperty("hook", out _)
                            ? $"type {Str(o, "type")} hook {Str(o, "hook")} priority {Raw(o, "prio")} policy {Str(o, "policy")}"
                            : "regular chain";
                        chains[Str(o, "name")] = new Chain(hook, []);
                        break;
                    case "rule":
                        var chainName = Str(o, "chain");
                        if (!chains.TryGetValue(chainName, out var chain))
                        {
                            chains[chainName] = chain = new Chain("unknown", []);
                        }

                        chain.Rules.Add(Digest(o.GetProperty("expr")));
                        break;
                    default:
                        problems.Add($"unexpected {kind.Name} {(o.ValueKind == JsonValueKind.Object ? Str(o, "name") : "")}");
                        break;
                }
            }
        }

        return new Table(found, counters, chains);
    }

    /// <summary>Builds the same digest the renderer records: interface matches, then every statement, then map elements.</summary>
    internal static RuleDigest Digest(JsonElement expr)
    {
        var matches = new List<string>();
        var statements = new List<string>();
        var elements = new List<string>();
        foreach (var e in expr.EnumerateArray())
        {
            foreach (var p in e.EnumerateObject())
            {
                switch (p.Name)
                {
                    case "match":
                        if (p.Value.GetProperty("left").TryGetProperty("meta", out var meta) &&
                            Str(meta, "key") is "oifname" or "iifname" && Str(p.Value, "op") == "==")
                        {
                            matches.Add($"{Str(meta, "key")} \"{Describe(p.Value.GetProperty("right"))}\"");
                        }

                        break;
                    case "snat" or "dnat" or "masquerade":
                        statements.Add(Nat(p.Name, p.Value, elements));
                        break;
                    case "counter":
                        statements.Add(p.Value.ValueKind == JsonValueKind.String ? $"counter name \"{p.Value.GetString()}\"" : "counter");
                        break;
                    case "drop" or "accept":
                        statements.Add(p.Name);
                        break;
                    case "mangle" when p.Value.GetProperty("key").TryGetProperty("tcp option", out var option):
                        statements.Add($"tcp option {Str(option, "name")} {Str(option, "field")} set {Describe(p.Value.GetProperty("value"))}");
                        break;
                    default:
                        statements.Add($"{p.Name} {p.Value.GetRawText()}");
                        break;
                }
            }
        }

        return new RuleDigest(string.Join(' ', matches), string.Join(' ', statements), elements);
    }

    private static string Nat(string name, JsonElement nat, List<string> elements)
    {
        var text = name;
        if (nat.TryGetProperty("family", out var family))
        {
            text += $" {family.GetString()}";
        }

        if (nat.TryGetProperty("addr", out var addr))
        {
            text += $" to {MapOrValue(addr, elements)}";
        }

        if (nat.TryGetProperty("port", out var port))
        {
            text += $" : {MapOrValue(port, elements)}";
        }

        if (nat.TryGetProperty("flags", out var flags))
        {
            text += $" flags {flags.GetRawText()}";
        }

        return text;
    }

    private static string MapOrValue(JsonElement e, List<string> elements)
    {
        if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty("map", out var map))
        {
            if (map.GetProperty("data").TryGetProperty("set", out var set))
            {
                foreach (var pair in set.EnumerateArray())
                {
                    elements.Add($"{Describe(pair[0])} : {Describe(pair[1])}");
                }
            }

            return $"{Describe(map.GetProperty("key"))} map";
        }

        return Describe(e);
    }

    /// <summary>Prints an expression the way the renderer writes it.</summary>
    private static string Describe(JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.String:
                return e.GetString()!;
            case JsonValueKind.Number:
                return e.GetRawText();
            case JsonValueKind.Array:
                return string.Join(", ", e.EnumerateArray().Select(Describe));
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    var v = p.Value;
                    switch (p.Name)
                    {
                        case "concat":
                            return string.Join(" . ", v.EnumerateArray().Select(Describe));
                        case "range":
                            return $"{Describe(v[0])}-{Describe(v[1])}";
                        case "payload":
                            return $"{Str(v, "protocol")} {Str(v, "field")}";
                        case "meta":
                            return $"meta {Str(v, "key")}";
                        case "rt":
                            return $"rt {Str(v, "key")}";
                        case "set":
                            return $"{{ {Describe(v)} }}";
                        case "numgen":
                            return $"numgen {Str(v, "mode")} mod {Raw(v, "mod")}{Offset(v)}";
                        case "jhash":
                            var seed = v.TryGetProperty("seed", out var s) ? s.GetUInt32() : 0;
                            return string.Create(CultureInfo.InvariantCulture,
                                $"jhash {Describe(v.GetProperty("expr"))} mod {Raw(v, "mod")} seed 0x{seed:x}{Offset(v)}");
                    }

                    break;
                }

                return e.GetRawText();
            default:
                return e.GetRawText();
        }
    }

    private static string Offset(JsonElement v) =>
        v.TryGetProperty("offset", out var o) && o.ValueKind == JsonValueKind.Number && o.GetInt64() != 0 ? $" offset {o.GetInt64()}" : "";

    private static string Str(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText() : "";

    private static string Raw(JsonElement o, string name) => o.TryGetProperty(name, out var v) ? v.GetRawText() : "";
}
