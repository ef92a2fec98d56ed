using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Gatewayd.Softwire;

/// <summary>
/// Reads the rule table format of Data/mape-rules.csv:
/// vne,rule_ipv6_prefix,rule_ipv6_prefix_len,rule_ipv4_prefix,rule_ipv4_prefix_len,ea_bits_len,psid_offset,br_ipv6,source.
/// Columns are found by header name; the free-text source column is last and may not contain commas.
/// </summary>
internal static class MapRuleCsv
{
    private static readonly string[] RequiredColumns =
    [
        "vne", "rule_ipv6_prefix", "rule_ipv6_prefix_len", "rule_ipv4_prefix", "rule_ipv4_prefix_len",
        "ea_bits_len", "psid_offset", "br_ipv6",
    ];

    public static List<MapRule> Read(TextReader reader, string sourceName)
    {
        string? header = reader.ReadLine() ?? throw new SoftwireException($"{sourceName}: empty file, expected a header line");
        string[] names = header.Split(',', StringSplitOptions.TrimEntries);
        int[] index = RequiredColumns.Select(column => Array.IndexOf(names, column)).ToArray();
        string[] missing = RequiredColumns.Where((_, i) => index[i] < 0).ToArray();
        if (missing.Length > 0)
        {
            throw new SoftwireException($"{sourceName}: header lacks column(s) {string.Join(", ", missing)}");
        }

        var rules = new List<MapRule>();
        int lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            string[] fields = line.Split(',', StringSplitOptions.TrimEntries);
            if (fields.Length != names.Length)
            {
                throw new SoftwireException($"{sourceName} line {lineNumber}: {fields.Length} fields, the header has {names.Length}");
            }

            rules.Add(ReadRow(fields, index, $"{sourceName} line {lineNumber}"));
        }

        return rules;
    }

    private static MapRule ReadRow(string[] fields, int[] index, string where)
    {
        string Field(int column) => fields[index[column]];

        string vne = Field(0).ToLowerInvariant();
        IPNetwork ipv6 = Prefix($"{Field(1)}/{Field(2)}", AddressFamily.InterNetworkV6, where);
        IPNetwork ipv4 = Prefix($"{Field(3)}/{Field(4)}", AddressFamily.InterNetwork, where);
        int ea = Number(Field(5), "ea_bits_len", where);
        int offset = Number(Field(6), "psid_offset", where);
        IPAddress? br = null;
        if (Field(7).Length > 0 && !PrefixText.TryParseAddress(Field(7), AddressFamily.InterNetworkV6, out br, out string? error))
        {
            throw new SoftwireException($"{where}: br_ipv6: {error}");
        }

        try
        {
            return MapRule.Create(ipv6, ipv4, ea, offset, br, vne.Length == 0 ? null : vne);
        }
        catch (SoftwireException e)
        {
            throw new SoftwireException($"{where}: {e.Message}", e);
        }
    }

    private static IPNetwork Prefix(string text, AddressFamily family, string where) =>
        PrefixText.TryParsePrefix(text, family, out IPNetwork prefix, out string? error)
            ? prefix
            : throw new SoftwireException($"{where}: {error}");

    private static int Number(string text, string column, string where) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new SoftwireException($"{where}: {column} '{text}' is not a number");
}
