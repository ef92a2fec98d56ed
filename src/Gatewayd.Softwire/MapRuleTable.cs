using System.Net;
using System.Net.Sockets;

namespace Gatewayd.Softwire;

/// <summary>A set of MAP-E rules searched by longest IPv6 prefix match.</summary>
public sealed class MapRuleTable
{
    private const string BuiltInResource = "Gatewayd.Softwire.mape-rules.csv";

    private static readonly Lazy<MapRuleTable> BuiltInTable = new(LoadBuiltIn);

    private readonly MapRule[] _rules;
    private readonly bool _isBuiltIn;

    /// <summary>Creates a table from rules; each is validated.</summary>
    /// <param name="rules">The rules, in any order.</param>
    /// <exception cref="SoftwireException">A rule is invalid.</exception>
    public MapRuleTable(IEnumerable<MapRule> rules)
        : this(rules, isBuiltIn: false)
    {
    }

    private MapRuleTable(IEnumerable<MapRule> rules, bool isBuiltIn)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = rules.ToArray();
        foreach (MapRule rule in _rules)
        {
            ArgumentNullException.ThrowIfNull(rule, nameof(rules));
            rule.ThrowIfInvalid();
        }

        _isBuiltIn = isBuiltIn;
        Rules = Array.AsReadOnly(_rules);
    }

    /// <summary>
    /// The built-in table of publicly known Japanese rules (Data/mape-rules.csv: v6plus, OCN, BIGLOBE, NURO), parsed
    /// from the embedded resource on first use.
    /// </summary>
    public static MapRuleTable BuiltIn => BuiltInTable.Value;

    /// <summary>The VNE names used in the built-in table, lowercase: "v6plus", "ocn", "biglobe", "nuro".</summary>
    public static IReadOnlyList<string> KnownVnes { get; } = Array.AsReadOnly(["v6plus", "ocn", "biglobe", "nuro"]);

    /// <summary>The rules, in the order given.</summary>
    public IReadOnlyList<MapRule> Rules { get; }

    /// <summary>
    /// The rule with the longest IPv6 prefix that contains the network address of <paramref name="prefix"/>, or null.
    /// </summary>
    /// <param name="prefix">The delegated (or RA) prefix.</param>
    /// <param name="vne">Only rules of this VNE (case-insensitive); null or "auto" for any.</param>
    public MapRule? FindLongestMatch(IPNetwork prefix, string? vne = null)
    {
        if (prefix.BaseAddress.AddressFamily != AddressFamily.InterNetworkV6)
        {
            throw new SoftwireException($"{prefix} is not an IPv6 prefix");
        }

        bool anyVne = vne is null || vne.Equals("auto", StringComparison.OrdinalIgnoreCase);
        MapRule? best = null;
        foreach (MapRule rule in _rules)
        {
            if ((anyVne || string.Equals(rule.Vne, vne, StringComparison.OrdinalIgnoreCase))
                && rule.Ipv6Prefix.Contains(prefix.BaseAddress)
                && (best is null || rule.Ipv6Prefix.PrefixLength > best.Ipv6Prefix.PrefixLength))
            {
                best = rule;
            }
        }

        return best;
    }

    /// <summary>Like <see cref="FindLongestMatch"/>, but a missing rule is an error that tells the user how to give one.</summary>
    /// <param name="prefix">The delegated (or RA) prefix.</param>
    /// <param name="vne">Only rules of this VNE (case-insensitive); null or "auto" for any.</param>
    /// <exception cref="NoMatchingRuleException">No rule covers the prefix.</exception>
    public MapRule Resolve(IPNetwork prefix, string? vne = null) =>
        FindLongestMatch(prefix, vne)
            ?? throw new NoMatchingRuleException(
                prefix, vne is null || vne.Equals("auto", StringComparison.OrdinalIgnoreCase) ? null : vne, _isBuiltIn);

    private static MapRuleTable LoadBuiltIn()
    {
        using Stream stream = typeof(MapRuleTable).Assembly.GetManifestResourceStream(BuiltInResource)
            ?? throw new InvalidOperationException($"embedded resource {BuiltInResource} is missing from the build");
        using var reader = new StreamReader(stream);
        return new MapRuleTable(MapRuleCsv.Read(reader, "mape-rules.csv"), isBuiltIn: true);
    }
}
