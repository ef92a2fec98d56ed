using System.Net;

namespace Gatewayd.Softwire;

/// <summary>No rule in a <see cref="MapRuleTable"/> covers the delegated prefix.</summary>
public sealed class NoMatchingRuleException : SoftwireException
{
    /// <summary>How a user supplies a rule by hand; part of every message so the error is actionable.</summary>
    public const string ManualRuleHint =
        "give the rule by hand with --rule <ipv6-prefix>,<ipv4-prefix>,<ea-bits>,<psid-offset>[,<br>] on the command line "
        + "or softwire.mapE.rule in the configuration (e.g. 2400:4050:4000::/35,153.241.0.0/17,21,6,2001:380:a120::9)";

    /// <summary>Creates an exception with a generic message that still carries the manual-rule hint.</summary>
    public NoMatchingRuleException()
        : base($"no MAP-E rule covers the prefix; {ManualRuleHint}")
    {
    }

    /// <summary>Creates an exception with the given message.</summary>
    /// <param name="message">What is wrong and why.</param>
    public NoMatchingRuleException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with the given message and cause.</summary>
    /// <param name="message">What is wrong and why.</param>
    /// <param name="innerException">The underlying cause.</param>
    public NoMatchingRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a prefix that no rule (of the given VNE, if any) covers.</summary>
    /// <param name="prefix">The delegated prefix that was looked up.</param>
    /// <param name="vne">The VNE filter, or null for any VNE.</param>
    public NoMatchingRuleException(IPNetwork prefix, string? vne)
        : this(prefix, vne, builtIn: false)
    {
    }

    internal NoMatchingRuleException(IPNetwork prefix, string? vne, bool builtIn)
        : base(Describe(prefix, vne, builtIn ? "built-in " : ""))
    {
        Prefix = prefix;
        Vne = vne;
    }

    /// <summary>The delegated prefix that was looked up, when known.</summary>
    public IPNetwork? Prefix { get; }

    /// <summary>The VNE filter of the lookup, or null for any VNE.</summary>
    public string? Vne { get; }

    private static string Describe(IPNetwork prefix, string? vne, string table) =>
        vne is null
            ? $"no {table}MAP-E rule covers {prefix}; {ManualRuleHint}"
            : $"no {table}MAP-E rule of VNE '{vne}' covers {prefix} (built-in VNEs: {string.Join(", ", MapRuleTable.KnownVnes)}); {ManualRuleHint}";
}
