using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Gatewayd.Softwire;

public sealed partial record MapRule
{
    /// <summary>The CLI syntax of a rule, quoted in error messages.</summary>
    public const string Syntax = "<ipv6-prefix>,<ipv4-prefix>,<ea-bits>,<psid-offset>[,<br>]";

    /// <summary>
    /// Parses the CLI form "&lt;ipv6-prefix&gt;,&lt;ipv4-prefix&gt;,&lt;ea-bits&gt;,&lt;psid-offset&gt;[,&lt;br&gt;]",
    /// e.g. "2400:4050:4000::/35,153.241.0.0/17,21,6,2001:380:a120::9", and validates the result.
    /// </summary>
    /// <param name="text">The rule text. Spaces around fields are ignored.</param>
    /// <exception cref="SoftwireException">The text is malformed or the rule invalid; the message says which field and why.</exception>
    public static MapRule Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] fields = text.Split(',', StringSplitOptions.TrimEntries);
        if (fields.Length is not (4 or 5))
        {
            throw new SoftwireException($"MAP-E rule '{text}' has {fields.Length} fields; expected {Syntax}");
        }

        var problems = new List<string>();
        if (!PrefixText.TryParsePrefix(fields[0], AddressFamily.InterNetworkV6, out IPNetwork ipv6Prefix, out string? error))
        {
            problems.Add($"ipv6Prefix: {error}");
        }

        if (!PrefixText.TryParsePrefix(fields[1], AddressFamily.InterNetwork, out IPNetwork ipv4Prefix, out error))
        {
            problems.Add($"ipv4Prefix: {error}");
        }

        if (!TryParseSmallInt(fields[2], out int eaBitsLength))
        {
            problems.Add($"eaBitsLength: '{fields[2]}' is not a number 0..48");
        }

        if (!TryParseSmallInt(fields[3], out int psidOffset))
        {
            problems.Add($"psidOffset: '{fields[3]}' is not a number 0..15");
        }

        IPAddress? br = null;
        if (fields.Length == 5 && !PrefixText.TryParseAddress(fields[4], AddressFamily.InterNetworkV6, out br, out error))
        {
            problems.Add($"brAddress: {error}");
        }

        if (problems.Count == 0)
        {
            problems.AddRange(Validate(ipv6Prefix, ipv4Prefix, eaBitsLength, psidOffset, br));
        }

        if (problems.Count > 0)
        {
            throw new SoftwireException($"invalid MAP-E rule '{text}' ({Syntax}): {string.Join("; ", problems)}");
        }

        return new MapRule(ipv6Prefix, ipv4Prefix, eaBitsLength, psidOffset, br);
    }

    private static bool TryParseSmallInt(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && text.Length <= 3;
}
